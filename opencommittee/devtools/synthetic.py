"""Synthetic data folders at any scale, for tests and the benchmark (never for `data/`).

`write(out_dir, scale=1, seed=1)` writes one YAML file per collection, block style, that
validates like the real data. Scale 1 is a realistic committee (30 people, 30
memberships, 50 tasks, 200 updates, 10 documents, 10 events); scale 100 is about 3,000
people and memberships, 5,000 tasks in a hierarchy, 20,000 updates, 1,000 documents and
1,000 events. Output is deterministic for a (scale, seed) pair. Texts are
Vietnamese-looking with diacritics; about one text in six has no English, to exercise the
"not yet translated" fallback.

CLI: `python -m opencommittee synthetic --scale N OUT_DIR`.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import yaml

from ..load.text import fold

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vi", "Lương", "Nông", "Hà", "Lăng",
          "Mã", "Tô", "Chu", "Đinh", "Lục", "Hứa", "Đặng", "Bế", "Triệu", "Dương"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Hữu", "Thanh", "Ngọc", "Quang", "Thu", "Xuân", "Đình"]
GIVEN = ["Hùng", "Khoa", "Lan", "Hương", "Bình", "Dũng", "Hải", "Thảo", "Tuấn", "Nga",
         "Đông", "Phượng", "Sơn", "Yến", "Cường", "Thắng", "Huyền", "Lộc", "Quý", "Ánh"]
DISTRICTS = ["Tràng Định", "Văn Lãng", "Văn Quan", "Bình Gia", "Bắc Sơn", "Hữu Lũng",
             "Chi Lăng", "Cao Lộc", "Lộc Bình", "Đình Lập", "thành phố Lạng Sơn"]
VERBS = [("Xây dựng", "Build"), ("Triển khai", "Roll out"), ("Rà soát", "Review"),
         ("Tổ chức", "Organise"), ("Hoàn thiện", "Complete"), ("Kiểm tra", "Inspect"),
         ("Bồi dưỡng", "Train"), ("Đánh giá", "Evaluate"), ("Sắp xếp", "Reorganise")]
OBJECTS = [("kế hoạch đổi mới chương trình giáo dục phổ thông", "the plan to renew the general-education curriculum"),
           ("mạng lưới trường lớp mầm non", "the network of preschools"),
           ("đội ngũ giáo viên và cán bộ quản lý", "the teaching and management staff"),
           ("cơ sở vật chất trường học vùng đặc biệt khó khăn", "school facilities in the most disadvantaged areas"),
           ("công tác phổ cập giáo dục tiểu học", "universal primary education"),
           ("ứng dụng công nghệ thông tin trong dạy học", "the use of IT in teaching"),
           ("phương pháp kiểm tra, đánh giá học sinh", "how pupils are tested and assessed"),
           ("trường phổ thông dân tộc nội trú", "ethnic boarding schools"),
           ("dạy tiếng Anh ở tiểu học", "English teaching in primary schools"),
           ("giáo dục nghề nghiệp và hướng nghiệp", "vocational education and career guidance")]
PUBLISHERS = ["Báo Lạng Sơn (LSO)", "Cổng Thông tin điện tử tỉnh Lạng Sơn", "Sở GD&ĐT Lạng Sơn",
              "Đài Phát thanh và Truyền hình Lạng Sơn", "Công báo tỉnh Lạng Sơn"]
DOC_TYPES = ["decision", "resolution", "programme", "plan", "regulation", "report", "other"]
DOC_WORD = {"decision": ("Quyết định", "QĐ-UBND"), "resolution": ("Nghị quyết", "NQ-HĐND"),
            "programme": ("Chương trình", "CTr-TU"), "plan": ("Kế hoạch", "KH-UBND"),
            "regulation": ("Quy chế", "QC-BCĐ"), "report": ("Báo cáo", "BC-SGDĐT"),
            "other": ("Công văn", "SGDĐT-VP")}
UNITS = ["percent", "count", "ratio", "vnd", "boolean"]

SCALE_1 = {"people": 30, "memberships": 30, "tasks": 50, "updates": 200, "documents": 10,
           "events": 10, "sources": 8, "organizations": 12, "posts": 12, "indicators": 5,
           "plans": 2, "mandate": 5}


def slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in fold(text).lower()).split())


class _Gen:
    def __init__(self, scale: int, seed: int) -> None:
        self.scale = max(1, scale)
        self.rng = random.Random(f"{seed}:{scale}")
        self.n = {k: max(1, round(v * self.scale)) for k, v in SCALE_1.items()}
        # Collections that do not grow linearly with activity.
        self.n["organizations"] = 12 + 2 * (self.scale - 1)
        self.n["plans"] = 2 + (self.scale - 1) // 5
        self.n["mandate"] = 5 + (self.scale - 1) // 20

    # A bilingual text; English left out about one time in six.
    def text(self, vi: str, en: str) -> dict[str, str]:
        return {"vi": vi} if self.rng.random() < 1 / 6 else {"vi": vi, "en": en}

    def day(self, start_year: int = 2014, end_year: int = 2025) -> str:
        year = self.rng.randint(start_year, end_year)
        return f"{year}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"

    def srcs(self) -> list[str]:
        count = 1 + (self.rng.random() < 0.2)
        return sorted({self.rng.choice(self.sources) for _ in range(count)})

    def build(self) -> dict[str, list[dict[str, Any]]]:
        rng, n = self.rng, self.n
        out: dict[str, list[dict[str, Any]]] = {}
        self.sources = [f"nguon-{i:05d}" for i in range(1, n["sources"] + 1)]
        out["sources"] = [
            {
                "id": sid,
                "publisher": rng.choice(PUBLISHERS),
                "title": f"{rng.choice(VERBS)[0]} {rng.choice(OBJECTS)[0]} (bài {i})",
                "url": f"https://example.gov.vn/tin-tuc/{sid}.html",
                "published": self.day(),
                "language": "vi",
                "description": self.text("Bài viết về hoạt động của Ban chỉ đạo đổi mới GD&ĐT.",
                                         "Article on the work of the education renovation steering committee."),
            }
            for i, sid in enumerate(self.sources, 1)
        ]
        # Organizations: the committee, the PPC, the DOET, then districts and schools.
        orgs = [
            {"id": "ban-chi-dao-doi-moi-gddt", "name": {"vi": "Ban chỉ đạo đổi mới giáo dục và đào tạo tỉnh Lạng Sơn", "en": "Lạng Sơn Steering Committee for Renovation of Education and Training"},
             "short_name": {"vi": "Ban chỉ đạo", "en": "Steering Committee"}, "classification": "steering_committee",
             "founding_document_id": "van-ban-00001", "standing_agency_id": "so-gddt", "sources": self.srcs()},
            {"id": "ubnd-tinh", "name": {"vi": "Ủy ban nhân dân tỉnh Lạng Sơn", "en": "Lạng Sơn Provincial People's Committee"},
             "classification": "government", "sources": self.srcs()},
            {"id": "so-gddt", "name": {"vi": "Sở Giáo dục và Đào tạo tỉnh Lạng Sơn", "en": "Lạng Sơn Department of Education and Training"},
             "short_name": {"vi": "Sở GD&ĐT", "en": "DOET"}, "classification": "department", "parent_id": "ubnd-tinh", "sources": self.srcs()},
            {"id": "tinh-uy", "name": {"vi": "Tỉnh ủy Lạng Sơn", "en": "Lạng Sơn Provincial Party Committee"},
             "classification": "party", "sources": self.srcs()},
        ]
        i = 0
        while len(orgs) < n["organizations"]:
            district = DISTRICTS[i % len(DISTRICTS)]
            k = i // len(DISTRICTS) + 1
            if k == 1:
                orgs.append({"id": f"phong-gddt-{slug(district)}", "name": self.text(f"Phòng GD&ĐT {district}", f"{district} Education Office"),
                             "classification": "government", "parent_id": "ubnd-tinh", "sources": self.srcs()})
            else:
                orgs.append({"id": f"truong-thpt-{slug(district)}-{k}", "name": self.text(f"Trường THPT {district} số {k}", f"{district} Upper Secondary School No. {k}"),
                             "classification": "other", "parent_id": "so-gddt", "sources": self.srcs()})
            i += 1
        out["organizations"] = orgs
        org_ids = [o["id"] for o in orgs]
        others = org_ids[1:]
        # People.
        people = []
        for i in range(1, n["people"] + 1):
            name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
            person: dict[str, Any] = {"id": f"{slug(name)}-{i}", "name": name}
            if rng.random() < 0.3:
                person["honorific"] = self.text("Đồng chí", "Comrade")
            person["sources"] = self.srcs()
            people.append(person)
        out["people"] = people
        person_ids = [p["id"] for p in people]
        # Posts: the committee's seats, then seats elsewhere.
        posts = [
            {"id": "chu-tich-ubnd-tinh", "label": {"vi": "Chủ tịch UBND tỉnh", "en": "Chairman of the Provincial People's Committee"},
             "organization_id": "ubnd-tinh", "role": "chairman", "sources": self.srcs()},
            {"id": "truong-ban", "label": {"vi": "Trưởng ban", "en": "Head"}, "organization_id": "ban-chi-dao-doi-moi-gddt", "role": "head",
             "ex_officio_post_id": "chu-tich-ubnd-tinh", "sources": self.srcs()},
            {"id": "pho-truong-ban-thuong-truc", "label": {"vi": "Phó Trưởng ban Thường trực", "en": "Standing Deputy Head"},
             "organization_id": "ban-chi-dao-doi-moi-gddt", "role": "standing_deputy_head", "sources": self.srcs()},
        ]
        for i in range(len(posts), n["posts"]):
            org = rng.choice(others)
            posts.append({"id": f"ghe-{i:05d}", "label": self.text(f"Ủy viên số {i}", f"Member seat {i}"), "organization_id": org,
                          "role": rng.choice(["member", "vice_chairman", "secretary"]), "sources": self.srcs()})
        out["posts"] = posts
        # Memberships: about two thirds in the committee, the rest other positions.
        ms: list[dict[str, Any]] = [
            {"id": "truong-ban-duong-nhiem", "post_id": "truong-ban", "organization_id": "ban-chi-dao-doi-moi-gddt", "role": "head",
             "document_id": "van-ban-00001", "sources": self.srcs()},
        ]
        for i in range(1, n["memberships"]):
            pid = person_ids[(i - 1) % len(person_ids)]
            in_committee = rng.random() < 0.67
            m: dict[str, Any] = {"id": f"tv-{i:05d}", "person_id": pid}
            if in_committee:
                role = "standing_deputy_head" if i == 1 else rng.choices(["deputy_head", "member", "secretary"], [1, 12, 1])[0]
                m.update({"organization_id": "ban-chi-dao-doi-moi-gddt", "role": role})
                if i == 1:
                    m["post_id"] = "pho-truong-ban-thuong-truc"
            else:
                m.update({"organization_id": rng.choice(others), "role": rng.choice(["member", "vice_chairman", "chairman"])})
            start = self.day(2014, 2020)
            m["start_date"] = start
            if rng.random() < 0.25:
                m["end_date"] = f"{int(start[:4]) + rng.randint(1, 4)}-06-30"
                if rng.random() < 0.6:
                    m["end_reason"] = self.text("Chuyển công tác khác", "Moved to another post")
            if rng.random() < 0.5:
                m["document_id"] = f"van-ban-{rng.randint(1, n['documents']):05d}"
            m["sources"] = self.srcs()
            ms.append(m)
        out["memberships"] = ms
        out["mandate"] = [
            {"id": f"nhiem-vu-{i:03d}", "organization_id": "ban-chi-dao-doi-moi-gddt",
             "text": self.text(f"{rng.choice(VERBS)[0]} {rng.choice(OBJECTS)[0]} trên địa bàn tỉnh.", f"{rng.choice(VERBS)[1]} {rng.choice(OBJECTS)[1]} in the province."),
             "sources": self.srcs()}
            for i in range(1, n["mandate"] + 1)
        ]
        # Documents, oldest first; later ones may implement or replace earlier ones.
        docs = []
        for i in range(1, n["documents"] + 1):
            dtype = "decision" if i == 1 else rng.choice(DOC_TYPES)
            word, symbol = DOC_WORD[dtype]
            verb, obj = rng.choice(VERBS), rng.choice(OBJECTS)
            d: dict[str, Any] = {"id": f"van-ban-{i:05d}"}
            if rng.random() < 0.9:
                d["number"] = f"{rng.randint(10, 3000)}/{symbol}"
            else:
                d["short_title"] = self.text(f"{word} về {obj[0]}", f"{dtype.title()} on {obj[1]}")
            d["type"] = dtype
            d["title"] = self.text(f"{word} {verb[0].lower()} {obj[0]}", f"{dtype.title()}: {verb[1]} {obj[1]}")
            d["issuer_id"] = rng.choice(["ubnd-tinh", "so-gddt", "tinh-uy", "chu-tich-ubnd-tinh"])
            if rng.random() < 0.6:
                d["signer_id"] = rng.choice(person_ids)
            issued = self.day(2013, 2024)
            d["issue_date"] = issued
            if rng.random() < 0.5:
                d["effective_date"] = issued
            if rng.random() < 0.8:
                d["status"] = rng.choice(["in_force", "in_force", "amended", "replaced", "expired"])
            if i > 3 and rng.random() < 0.3:
                d["implements"] = [f"van-ban-{rng.randint(1, i - 1):05d}"]
            d["sources"] = self.srcs()
            docs.append(d)
        out["documents"] = docs
        doc_ids = [d["id"] for d in docs]
        # Events with agenda items and outcomes (nested ids).
        events = []
        outcome_ids: list[str] = []
        for i in range(1, n["events"] + 1):
            eid = f"su-kien-{i:05d}"
            topic = rng.choice(OBJECTS)
            kind = rng.choice(["meeting", "meeting", "conference", "inspection"])
            label = {"meeting": ("Phiên họp", "Meeting"), "conference": ("Hội nghị", "Conference"), "inspection": ("Đoàn kiểm tra", "Inspection")}[kind]
            e: dict[str, Any] = {"id": eid, "date": self.day(2014, 2025), "title": self.text(f"{label[0]} về {topic[0]}", f"{label[1]} on {topic[1]}"),
                                 "classification": kind, "organization_id": "ban-chi-dao-doi-moi-gddt", "chair_id": rng.choice(person_ids),
                                 "location": self.text(f"Hội trường {rng.choice(DISTRICTS)}", "Meeting hall")}
            agenda = []
            for j in range(1, rng.randint(1, 3) + 1):
                item: dict[str, Any] = {"id": f"{eid}-nd-{j}", "title": self.text(f"Nghe báo cáo về {rng.choice(OBJECTS)[0]}", "Report heard"),
                                        "kind": "draft_discussion" if rng.random() < 0.08 else rng.choice(["announcement", "report", "other"])}
                if rng.random() < 0.3:
                    item["document_id"] = rng.choice(doc_ids)
                agenda.append(item)
            e["agenda"] = agenda
            outs = []
            for j in range(1, rng.randint(1, 2) + 1):
                oid = f"{eid}-kl-{j}"
                outs.append({"id": oid, "text": self.text(f"Giao {rng.choice(['Sở GD&ĐT', 'các huyện', 'UBND tỉnh'])} {rng.choice(VERBS)[0].lower()} {rng.choice(OBJECTS)[0]}.", "An assignment."),
                             "assignee_ids": [rng.choice(others)]})
                outcome_ids.append(oid)
            e["outcomes"] = outs
            e["sources"] = self.srcs()
            events.append(e)
        out["events"] = events
        plans = []
        for i in range(1, n["plans"] + 1):
            first = 2015 + (i - 1) % 8
            plans.append({"id": f"ke-hoach-{i:03d}", "title": self.text(f"Kế hoạch thực hiện đổi mới GD&ĐT giai đoạn {first}–{first + 5}", f"Education renovation plan {first}–{first + 5}"),
                          "organization_id": "ban-chi-dao-doi-moi-gddt", "called_for_by_id": rng.choice(outcome_ids), "document_id": rng.choice(doc_ids),
                          "period_start": str(first), "period_end": str(first + 5), "sources": self.srcs()})
        out["plans"] = plans
        # Tasks: a forest per plan; each task's parent is an earlier task (depth up to 4).
        tasks: list[dict[str, Any]] = []
        depth: dict[str, int] = {}
        for i in range(1, n["tasks"] + 1):
            tid = f"nhiem-vu-ke-hoach-{i:05d}"
            verb, obj = rng.choice(VERBS), rng.choice(OBJECTS)
            t: dict[str, Any] = {"id": tid, "title": self.text(f"{verb[0]} {obj[0]}", f"{verb[1]} {obj[1]}")}
            parent = rng.choice(tasks) if tasks and rng.random() < 0.75 else None
            if parent is not None and depth[parent["id"]] < 3:
                t["plan_id"] = parent.get("plan_id") or plans[0]["id"]
                t["parent_id"] = parent["id"]
                depth[tid] = depth[parent["id"]] + 1
            else:
                t["plan_id"] = rng.choice(plans)["id"]
                depth[tid] = 0
            t["lead_id"] = rng.choice(others)
            if rng.random() < 0.4:
                t["support_ids"] = sorted({rng.choice(others) for _ in range(rng.randint(1, 3))})
            t["assigned_by_id"] = rng.choice(outcome_ids) if rng.random() < 0.5 else rng.choice(doc_ids)
            start = self.day(2015, 2022)
            t["assigned_date"] = start
            t["start_date"] = start
            if rng.random() < 0.8:
                t["due_date"] = f"{int(start[:4]) + rng.randint(0, 4)}-12-31"
            t["weight"] = float(rng.choice([1, 1, 1, 2, 3]))
            t["sources"] = self.srcs()
            tasks.append(t)
        out["tasks"] = tasks
        indicators = []
        for i in range(1, n["indicators"] + 1):
            unit = UNITS[i % len(UNITS)]
            base, target = {"percent": (40.0, 90.0), "count": (10, 200), "ratio": (0.3, 0.8), "vnd": (1000000, 5000000), "boolean": (False, True)}[unit]
            indicators.append({"id": f"chi-tieu-{i:04d}", "title": self.text(f"Tỷ lệ {rng.choice(OBJECTS)[0]} đạt chuẩn", "Share meeting the standard"),
                               "plan_id": rng.choice(plans)["id"], "unit": unit,
                               "baseline": {"value": base, "date": "2015"}, "target": {"value": target, "date": "2025"}, "sources": self.srcs()})
        out["indicators"] = indicators
        # Updates: most for tasks (percent rising, completed at 100), some for indicators.
        updates = []
        progress: dict[str, float] = {}
        statuses = ["in_progress", "in_progress", "in_progress", "stalled", "not_started"]
        for i in range(1, n["updates"] + 1):
            u: dict[str, Any] = {"id": f"cap-nhat-{i:06d}", "date": self.day(2015, 2025)}
            if rng.random() < 0.9:
                task = rng.choice(tasks)
                pct = min(100.0, progress.get(task["id"], 0.0) + rng.choice([0, 10, 20, 25]))
                progress[task["id"]] = pct
                u["task_id"] = task["id"]
                u["status"] = "completed" if pct >= 100 else rng.choice(statuses) if pct else "not_started"
                u["percent"] = pct
            else:
                ind = rng.choice(indicators)
                u["indicator_id"] = ind["id"]
                lo, hi = ind["baseline"]["value"], ind["target"]["value"]
                u["value"] = rng.random() < 0.5 if ind["unit"] == "boolean" else (
                    round(lo + (hi - lo) * rng.random(), 2) if isinstance(lo, float) else int(lo + (hi - lo) * rng.random()))
            u["text"] = self.text("Đã báo cáo tiến độ tại phiên họp định kỳ.", "Progress reported at the regular meeting.")
            u["sources"] = self.srcs()
            updates.append(u)
        out["updates"] = updates
        return out


def generate(scale: int = 1, seed: int = 1) -> dict[str, list[dict[str, Any]]]:
    """Records per collection (plain dicts, in file order) for a scale and seed."""
    return _Gen(scale, seed).build()


def write(out_dir: Path | str, scale: int = 1, seed: int = 1) -> dict[str, int]:
    """Write a data folder (one block-style YAML file per collection); returns counts."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, records in generate(scale, seed).items():
        body = yaml.safe_dump(records, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000)
        header = f"# Synthetic data (scale {scale}, seed {seed}): not real records.\n"
        (out / f"{name}.yml").write_text(header + body, encoding="utf-8")
        counts[name] = len(records)
    return counts
