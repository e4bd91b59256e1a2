from app.routine import DEFAULT_ROUTINE
from main import parse_args
from tests.harness import Driver


def test_a_malformed_routine_stops_start_up_with_a_clear_message(data_dir, clock, tmp_path):
    bad = tmp_path / "routine.toml"
    bad.write_text(DEFAULT_ROUTINE.read_text().replace("seconds = 600", 'seconds = "ten minutes"'))
    driver = Driver(data_dir, clock, routine_path=bad)
    try:
        assert driver.screen.name == "startup_error"
        message = driver.text("message_label")
        assert str(bad) in message and "steps[1].seconds" in message
    finally:
        driver.app.stop()
        driver._restore_clock()


def test_command_line_options():
    args = parse_args(["--data-dir", "/tmp/x", "--time-scale", "20"])
    assert (args.data_dir, args.time_scale) == ("/tmp/x", 20.0)
    assert parse_args([]).time_scale == 1.0


def test_a_time_scale_out_of_range_is_refused(capsys):
    import pytest

    with pytest.raises(SystemExit):
        parse_args(["--time-scale", "0"])
    assert "--time-scale must be greater than 0" in capsys.readouterr().err
