import datetime as dt

import forewarn
from forewarn import errors


def test_exports_are_complete_and_importable():
    for name in forewarn.__all__:
        assert hasattr(forewarn, name), name
    public = {n for n in vars(forewarn) if not n.startswith("_") and n[0].isupper()}
    assert public <= set(forewarn.__all__)


def test_exception_tree_codes_are_unique_and_drawn():
    classes = [getattr(errors, n) for n in errors.__all__]
    codes = [c.code for c in classes]
    assert len(codes) == len(set(codes))
    for cls in classes:
        assert issubclass(cls, errors.ForewarnError)
        assert cls.__name__ in errors.__doc__ and cls.code in errors.__doc__


def test_extract_api_and_open(tmp_path):
    events = forewarn.extract("Police in Lagos arrested two men on Monday.", published=dt.date(2024, 1, 3))
    assert isinstance(events, list)
    with forewarn.open(tmp_path / "s.duckdb") as store:
        assert store.counts()["articles"] == 0
