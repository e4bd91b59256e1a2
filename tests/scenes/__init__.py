"""Screenshot scenes, one module per area. Each module has SCENES: a list of
(name, size, function(driver, out_dir, prefix)); tests/screenshots.py runs them all,
each on a fresh app and database."""
