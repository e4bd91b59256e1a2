"""The measurement noise: measured again on the test faces, and the kept numbers checked."""
import pytest

from app.face.geometry import PAIR_FIELDS
from app.face.measures import SPEC_BY_KEY
from app.face.noise import NOISE_FILE, FaceNoiseError, feature_noise, load_noise, variants
from app.face.port import available_landmarker
from tests.fixtures import faces


def test_the_noise_measured_again_stays_within_the_kept_numbers():
    kept = load_noise()
    again = feature_noise(available_landmarker(), [faces.closeup(), faces.symmetric()])
    for field in PAIR_FIELDS:
        # Within the kept bound, and not so far below it that the copies no longer differ.
        assert kept.two_sd[field] / 4 < again[field] <= kept.two_sd[field], field


def test_the_copies_differ_as_a_second_take_would():
    copies = dict(variants(faces.closeup()))
    assert len(copies) == 12
    assert copies["turn 2.5°"].size == copies["as is"].size and copies["size x1.05"].width == 735
    assert copies["shift 3,0"].tobytes() != copies["as is"].tobytes()


def test_a_change_from_two_photos_a_set_carries_more_noise_than_one_from_one():
    noise = load_noise()
    level, movement = SPEC_BY_KEY["rest.corner_height"], SPEC_BY_KEY["big_smile.movement"]
    assert noise.of_change(level) == pytest.approx(noise.two_sd["corner_height"] * 2 ** 0.5)
    assert noise.of_change(movement) == pytest.approx(noise.two_sd["corner_height"] * 2)


@pytest.mark.parametrize("change, message", [
    (("eye_opening = 0.4", "eye_opening = -1"), "two_sd.eye_opening must be a number above 0"),
    (("smile_angle = 0.6", 'smile_angle = "small"'), "two_sd.smile_angle must be a number"),
    (("corner_width = 0.7", "corner_wide = 0.7"), "two_sd.corner_width must be a number"),
    (("iris_mm = 11.7", "iris_mm = 11.77"), "iris_mm is 11.77, but the measures scale by 11.7"),
    (("[two_sd]", "[two_sd]\nnose = 1.0"), "two_sd.nose is not a measured feature"),
    (("[two_sd]", "[two_sd"), "is not valid TOML"),
])
def test_a_bad_noise_file_names_its_fault(tmp_path, change, message):
    path = tmp_path / "face_noise.toml"
    text = NOISE_FILE.read_text(encoding="utf-8")
    assert change[0] in text
    path.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    with pytest.raises(FaceNoiseError, match=message) as raised:
        load_noise(path)
    assert str(raised.value).startswith(str(path))
