"""SmileBack's domain and storage: plain Python, never Kivy."""
