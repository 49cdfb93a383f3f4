"""Language catalogs: every language has every key, and the English interface is complete."""

from __future__ import annotations

from opencommittee.load.catalogs import catalog, flat_keys, message_language


def test_english_interface_is_complete() -> None:
    vi, en = catalog("vi"), catalog("en")
    assert flat_keys(vi) == flat_keys(en)
    for key in flat_keys(en["ui"]):
        node = en["ui"]
        for part in key.split("."):
            node = node[part]
        assert isinstance(node, str) and node.strip(), key


def test_message_language_follows_the_locale() -> None:
    assert message_language({"LC_ALL": "vi_VN.UTF-8"}) == "vi"
    assert message_language({"LC_ALL": "", "LANG": "vi_VN"}) == "vi"
    assert message_language({"LANG": "C.UTF-8"}) == "en"
    assert message_language({}) == "en"
