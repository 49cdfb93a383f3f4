"""Validation for bodies (issue 12, item 6): two holders of a single seat at once, a
membership in an unknown body, a kind outside the vocabulary, the site setting."""

from __future__ import annotations

from pathlib import Path

from test_validation import report

from conftest import edit, line_of

DEPUTY = """- id: nguoi-thu-hai-pho-truong-ban
  person_id: to-hung-khoa
  post_id: pho-truong-ban-thuong-truc
  organization_id: ban-chi-dao-doi-moi-gddt
  role: standing_deputy_head
  start_date: 2015-01-01
  sources:
    - bao-lang-son-thanh-lap-ban-chi-dao
"""


def test_two_holders_of_a_single_seat_at_once(data_copy: Path) -> None:
    edit(data_copy / "memberships.yml", "  role: standing_deputy_head\n  as_of: 2014-08-25\n",
         "  role: standing_deputy_head\n  start_date: 2014-08-01\n")
    with (data_copy / "memberships.yml").open("a", encoding="utf-8") as out:
        out.write(DEPUTY)
    line = line_of(data_copy / "memberships.yml", "post_id: pho-truong-ban-thuong-truc", 2)
    for lang, words in (("en", "one holder at a time"), ("vi", "mỗi lúc chỉ có một người giữ")):
        found = report(data_copy, lang)
        hits = [h for h in found.splitlines() if h.startswith(f"{data_copy}/memberships.yml:{line}:")]
        assert hits and "nguoi-thu-hai-pho-truong-ban.post_id" in hits[0] and words in hits[0], found


def test_successive_holders_and_seats_with_several_holders_are_fine(data_copy: Path) -> None:
    edit(data_copy / "memberships.yml", "  role: standing_deputy_head\n  as_of: 2014-08-25\n",
         "  role: standing_deputy_head\n  start_date: 2014-08-01\n  end_date: 2014-12-31\n")
    with (data_copy / "memberships.yml").open("a", encoding="utf-8") as out:
        out.write(DEPUTY)
    assert report(data_copy) == ""
    edit(data_copy / "memberships.yml", "  end_date: 2014-12-31\n", "")
    assert "one holder at a time" in report(data_copy)
    edit(data_copy / "posts.yml", "  role: standing_deputy_head\n", "  role: standing_deputy_head\n  holders: 2\n")
    assert report(data_copy) == ""


def test_membership_in_an_unknown_body(data_copy: Path) -> None:
    edit(data_copy / "memberships.yml", "  organization_id: ban-thuong-vu-tinh-uy\n", "  organization_id: ban-khong-co\n")
    found = report(data_copy)
    assert "to-hung-khoa-uy-vien-ban-thuong-vu.organization_id: 'ban-khong-co' does not match any record in 'organizations'" in found


def test_kind_outside_the_vocabulary_lists_the_kinds(data_copy: Path) -> None:
    edit(data_copy / "organizations.yml", "  classification: steering_committee\n", "  classification: board\n")
    found = report(data_copy)
    assert "ban-chi-dao-doi-moi-gddt.classification: 'board' is not allowed here" in found
    for kind in ("council", "commission", "steering_committee", "task_force"):
        assert f"'{kind}'" in found


def test_site_setting_names_a_body_and_is_one_record(data_copy: Path) -> None:
    edit(data_copy / "site.yml", "  committee_id: ban-chi-dao-doi-moi-gddt\n", "  committee_id: so-gddt\n")
    assert "'so-gddt' is not a body the site can be about" in report(data_copy)
    edit(data_copy / "site.yml", "  committee_id: so-gddt\n", "  committee_id: ban-chi-dao-doi-moi-gddt\n- id: site-2\n")
    assert "site.yml holds one record only" in report(data_copy)


def test_a_body_id_needs_a_letter(data_copy: Path) -> None:
    for name in ("organizations.yml", "memberships.yml", "mandate.yml", "events.yml", "plans.yml", "posts.yml", "site.yml"):
        path = data_copy / name
        path.write_text(path.read_text(encoding="utf-8").replace("ban-chi-dao-doi-moi-gddt", '"2014"'), encoding="utf-8")
    assert "the id '2014' of a body must contain a letter" in report(data_copy)
