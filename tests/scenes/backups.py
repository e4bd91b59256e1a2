"""Your record: the backups, a restore's message, and export and import with their messages."""
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from app.storage.backup import daily_backup
from tests.harness import DESKTOP, PHONE
from tests.seed import seed_two_months


def your_record(driver, out, prefix):
    core = driver.app.core
    today = core.today()
    seed_two_months(core.store, core.routine, today)
    for days_ago in (1, 2, 3, 25):
        daily_backup(core.store, today - timedelta(days=days_ago))
    driver.app.go("backups")  # reached from Settings
    driver.settle()
    driver.screenshot(out / f"{prefix}backups.png")

    driver.tap(driver.screen.rows[1].ids.restore_button)
    dialog = driver.button_with_text("Yes, restore it").parent.parent
    dialog.export_to_png(str(out / f"{prefix}backups-confirm.png"))  # a dialog lies outside the app's root
    driver.tap_text("Yes, restore it")
    driver.screenshot(out / f"{prefix}backups-restored.png")

    folder = Path(driver.app.data_dir).parent / "Documents"
    driver.type_into("folder_input", str(folder))
    driver.tap("export_button")
    driver.type_into("file_input", str(folder / f"smileback-record-{today.isoformat()}.json"))
    driver.tap("import_button")
    driver.widget("scroller").scroll_y = 0
    driver.frames(3)
    driver.screenshot(out / f"{prefix}backups-lower.png")


def large_text(driver, out, prefix):
    """200 % text with high contrast, as a patient with low vision sets it up."""
    app = driver.app
    app.core.apply_preferences(replace(app.core.preferences, text_scale=2.0, high_contrast=True))
    core = app.core
    daily_backup(core.store, core.today() - timedelta(days=1))
    app.go("backups")
    driver.settle()
    driver.screenshot(out / f"{prefix}backups-200-contrast.png")
    driver.widget("scroller").scroll_to(driver.screen.rows[0], padding=10, animate=False)
    driver.frames(3)
    driver.screenshot(out / f"{prefix}backups-200-contrast-list.png")
    driver.tap(driver.screen.rows[1].ids.restore_button)
    driver.tap_text("Yes, restore it")
    driver.screenshot(out / f"{prefix}backups-200-contrast-restored.png")
    driver.widget("scroller").scroll_y = 0
    driver.frames(3)
    driver.screenshot(out / f"{prefix}backups-200-contrast-lower.png")


SCENES = [("your record", PHONE, your_record), ("your record, desktop", DESKTOP, your_record),
          ("your record, 200 % text and high contrast", PHONE, large_text)]
