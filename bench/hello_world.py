"""The baseline for bench/startup.py: the barest Kivy app that draws a frame."""
from kivy.app import App
from kivy.uix.label import Label


class HelloApp(App):
    def build(self):
        return Label(text="Hello")


if __name__ == "__main__":
    HelloApp().run()
