"""python-for-android build hook: declares SmileBack's reminder receiver in the manifest.

buildozer.spec:  p4a.hook = android/p4a_hook.py

p4a's manifest template has no place for a <receiver> inside <application>, so this
adds one after p4a renders AndroidManifest.xml and before Gradle compiles. Runs on the
build machine only; it is not part of the app.
"""
from pathlib import Path

RECEIVER_NAME = "org.smileback.reminders.ReminderReceiver"

# Not exported: the system still delivers its own broadcasts (boot, clock changes), and
# no other app can make SmileBack post a notification.
RECEIVER_XML = f"""
        <receiver android:name="{RECEIVER_NAME}" android:exported="false">
            <intent-filter>
                <action android:name="android.intent.action.BOOT_COMPLETED" />
                <action android:name="android.intent.action.MY_PACKAGE_REPLACED" />
                <action android:name="android.intent.action.TIME_SET" />
                <action android:name="android.intent.action.TIMEZONE_CHANGED" />
                <action android:name="android.app.action.SCHEDULE_EXACT_ALARM_PERMISSION_STATE_CHANGED" />
            </intent-filter>
        </receiver>
"""


def add_receiver(manifest: str) -> str:
    """The manifest with the receiver declared once; unchanged if it is already there."""
    if RECEIVER_NAME in manifest:
        return manifest
    if manifest.count("</application>") != 1:
        raise RuntimeError("AndroidManifest.xml: expected exactly one </application> to add the reminder receiver")
    return manifest.replace("</application>", RECEIVER_XML + "    </application>")


def after_apk_build(toolchain):
    # p4a calls hooks from inside the distribution directory.
    dist_dir = Path(getattr(getattr(toolchain, "_dist", None), "dist_dir", "") or ".")
    manifest = dist_dir / "src" / "main" / "AndroidManifest.xml"
    manifest.write_text(add_receiver(manifest.read_text(encoding="utf-8")), encoding="utf-8")
