"""The records of a synthetic data folder, one method per collection (see synthetic.py)."""

from __future__ import annotations

import random
from typing import Any

from ..load.text import fold
from .synthetic_spec import Spec

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
# Body kinds in turn, with the words of their names (vi, en).
BODIES = [("steering_committee", "Ban chỉ đạo", "Steering Committee"), ("council", "Hội đồng", "Council"),
          ("commission", "Ủy ban", "Commission"), ("task_force", "Ban công tác", "Task Force"),
          ("working_group", "Tổ công tác", "Working Group")]


def slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in fold(text).lower()).split())


class Generator:
    """Builds the collections in dependency order; each method adds one collection."""

    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self.rng = random.Random(f"{spec.seed}:{spec.scale}:{spec.committees}:{sorted(spec.scales.items())}")
        self.out: dict[str, list[dict[str, Any]]] = {}

    # A bilingual text; English left out about one time in six.
    def text(self, vi: str, en: str) -> dict[str, str]:
        return {"vi": vi} if self.rng.random() < 1 / 6 else {"vi": vi, "en": en}

    def day(self, start_year: int = 2014, end_year: int = 2025) -> str:
        year = self.rng.randint(start_year, end_year)
        return f"{year}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"

    def srcs(self) -> list[str]:
        count = 1 + (self.rng.random() < 0.2)
        return sorted({self.rng.choice(self.source_ids) for _ in range(count)})

    def ids(self, name: str) -> list[str]:
        return [r["id"] for r in self.out[name]]

    def build(self) -> dict[str, list[dict[str, Any]]]:
        for step in (self.sources, self.organizations, self.people, self.documents, self.posts,
                     self.memberships, self.mandate, self.events, self.plans, self.tasks,
                     self.indicators, self.updates, self.site):
            step()
        return self.out

    def sources(self) -> None:
        self.source_ids = [f"nguon-{i:05d}" for i in range(1, self.spec.count("sources") + 1)]
        self.out["sources"] = [
            {"id": sid, "publisher": self.rng.choice(PUBLISHERS),
             "title": f"{self.rng.choice(VERBS)[0]} {self.rng.choice(OBJECTS)[0]} (bài {i})",
             "url": f"https://example.gov.vn/tin-tuc/{sid}.html", "published": self.day(), "language": "vi",
             "description": self.text("Bài viết về hoạt động của các cơ quan phối hợp liên ngành.",
                                      "Article on the work of the inter-sectoral bodies.")}
            for i, sid in enumerate(self.source_ids, 1)
        ]

    def organizations(self) -> None:
        bodies = self.spec.bodies
        self.body_ids = []
        orgs: list[dict[str, Any]] = []
        for i in range(bodies):
            kind, vi, en = BODIES[i % len(BODIES)]
            topic = OBJECTS[i % len(OBJECTS)]
            bid = "ban-chi-dao-doi-moi-gddt" if i == 0 else f"co-quan-{i:03d}-{slug(vi)}"
            self.body_ids.append(bid)
            orgs.append({"id": bid, "name": self.text(f"{vi} về {topic[0]} số {i + 1}", f"{en} on {topic[1]} No. {i + 1}"),
                         "short_name": self.text(f"{vi} số {i + 1}", f"{en} {i + 1}"), "classification": kind,
                         "founding_document_id": f"van-ban-{i + 1:05d}", "standing_agency_id": "so-gddt", "sources": self.srcs()})
        orgs += [
            {"id": "ubnd-tinh", "name": {"vi": "Ủy ban nhân dân tỉnh Lạng Sơn", "en": "Lạng Sơn Provincial People's Committee"},
             "classification": "government", "sources": self.srcs()},
            {"id": "so-gddt", "name": {"vi": "Sở Giáo dục và Đào tạo tỉnh Lạng Sơn", "en": "Lạng Sơn Department of Education and Training"},
             "short_name": {"vi": "Sở GD&ĐT", "en": "DOET"}, "classification": "department", "parent_id": "ubnd-tinh", "sources": self.srcs()},
            {"id": "tinh-uy", "name": {"vi": "Tỉnh ủy Lạng Sơn", "en": "Lạng Sơn Provincial Party Committee"},
             "classification": "party", "sources": self.srcs()},
        ]
        i = 0
        while len(orgs) < self.spec.count("organizations"):
            district, k = DISTRICTS[i % len(DISTRICTS)], i // len(DISTRICTS) + 1
            if k == 1:
                orgs.append({"id": f"phong-gddt-{slug(district)}", "name": self.text(f"Phòng GD&ĐT {district}", f"{district} Education Office"),
                             "classification": "government", "parent_id": "ubnd-tinh", "sources": self.srcs()})
            else:
                orgs.append({"id": f"truong-thpt-{slug(district)}-{k}", "name": self.text(f"Trường THPT {district} số {k}", f"{district} Upper Secondary School No. {k}"),
                             "classification": "other", "parent_id": "so-gddt", "sources": self.srcs()})
            i += 1
        self.out["organizations"] = orgs
        self.others = [o["id"] for o in orgs if o["id"] not in self.body_ids]

    def people(self) -> None:
        people = []
        for i in range(1, self.spec.count("people") + 1):
            name = f"{self.rng.choice(FAMILY)} {self.rng.choice(MIDDLE)} {self.rng.choice(GIVEN)}"
            person: dict[str, Any] = {"id": f"{slug(name)}-{i}", "name": name}
            if self.rng.random() < 0.3:
                person["honorific"] = self.text("Đồng chí", "Comrade")
            person["sources"] = self.srcs()
            people.append(person)
        self.out["people"] = people

    def documents(self) -> None:
        rng, docs = self.rng, []
        people = self.ids("people")
        for i in range(1, max(self.spec.count("documents"), len(self.body_ids)) + 1):
            dtype = "decision" if i <= len(self.body_ids) else rng.choice(DOC_TYPES)
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
                d["signer_id"] = rng.choice(people)
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
        self.out["documents"] = docs

    def posts(self) -> None:
        posts: list[dict[str, Any]] = [{"id": "chu-tich-ubnd-tinh", "label": {"vi": "Chủ tịch UBND tỉnh", "en": "Chairman of the Provincial People's Committee"},
                  "organization_id": "ubnd-tinh", "role": "chairman", "sources": self.srcs()}]
        for i, bid in enumerate(self.body_ids):
            suffix = "" if i == 0 else f"-{i:03d}"
            posts.append({"id": f"truong-ban{suffix}", "label": {"vi": "Trưởng ban", "en": "Head"}, "organization_id": bid,
                          "role": "head", "ex_officio_post_id": "chu-tich-ubnd-tinh", "sources": self.srcs()})
            posts.append({"id": f"pho-truong-ban-thuong-truc{suffix}", "label": {"vi": "Phó Trưởng ban Thường trực", "en": "Standing Deputy Head"},
                          "organization_id": bid, "role": "standing_deputy_head", "sources": self.srcs()})
        for i in range(len(posts), self.spec.count("posts")):
            posts.append({"id": f"ghe-{i:05d}", "label": self.text(f"Ủy viên số {i}", f"Member seat {i}"), "organization_id": self.rng.choice(self.others),
                          "role": self.rng.choice(["member", "vice_chairman", "secretary"]), "holders": 50, "sources": self.srcs()})
        self.out["posts"] = posts

    def memberships(self) -> None:
        rng, people = self.rng, self.ids("people")
        ms: list[dict[str, Any]] = []
        for i, bid in enumerate(self.body_ids):
            suffix = "" if i == 0 else f"-{i:03d}"
            ms.append({"id": f"truong-ban-duong-nhiem{suffix}", "post_id": f"truong-ban{suffix}", "organization_id": bid, "role": "head",
                       "document_id": f"van-ban-{i + 1:05d}", "sources": self.srcs()})
        deputies: set[str] = set()
        for i in range(1, max(self.spec.count("memberships") - len(self.body_ids), 1) + 1):
            m: dict[str, Any] = {"id": f"tv-{i:05d}", "person_id": people[(i - 1) % len(people)]}
            if rng.random() < 0.67:
                bid = self.body_ids[(i - 1) % len(self.body_ids)]
                if len(self.body_ids) > 1 and rng.random() < 0.5:
                    # Officials of the province sit on several bodies.
                    m["person_id"] = rng.choice(people[: max(3, len(people) // 3)])
                role = "standing_deputy_head" if bid not in deputies else rng.choices(["deputy_head", "member", "secretary"], [1, 12, 1])[0]
                m.update({"organization_id": bid, "role": role})
                if bid not in deputies:
                    deputies.add(bid)
                    m["post_id"] = "pho-truong-ban-thuong-truc" + ("" if bid == self.body_ids[0] else f"-{self.body_ids.index(bid):03d}")
            else:
                m.update({"organization_id": rng.choice(self.others), "role": rng.choice(["member", "vice_chairman", "chairman"])})
            start = self.day(2014, 2020)
            m["start_date"] = start
            if rng.random() < 0.25:
                m["end_date"] = f"{int(start[:4]) + rng.randint(1, 4)}-06-30"
                if rng.random() < 0.6:
                    m["end_reason"] = self.text("Chuyển công tác khác", "Moved to another post")
            if rng.random() < 0.5:
                m["document_id"] = f"van-ban-{rng.randint(1, len(self.out['documents'])):05d}"
            m["sources"] = self.srcs()
            ms.append(m)
        self.out["memberships"] = ms

    def mandate(self) -> None:
        rng, count = self.rng, self.spec.count("mandate") * len(self.body_ids)
        self.out["mandate"] = [
            {"id": f"nhiem-vu-{i:03d}", "organization_id": self.body_ids[(i - 1) % len(self.body_ids)],
             "text": self.text(f"{rng.choice(VERBS)[0]} {rng.choice(OBJECTS)[0]} trên địa bàn tỉnh.", f"{rng.choice(VERBS)[1]} {rng.choice(OBJECTS)[1]} in the province."),
             "sources": self.srcs()}
            for i in range(1, count + 1)
        ]

    def _agenda(self, eid: str) -> list[dict[str, Any]]:
        rng, docs = self.rng, self.ids("documents")
        agenda = []
        for j in range(1, max(1, round(rng.randint(1, 3) * self.spec.scales.get("agenda", 1))) + 1):
            item: dict[str, Any] = {"id": f"{eid}-nd-{j}", "title": self.text(f"Nghe báo cáo về {rng.choice(OBJECTS)[0]}", "Report heard"),
                                    "kind": "draft_discussion" if rng.random() < 0.08 else rng.choice(["announcement", "report", "other"])}
            if rng.random() < 0.3:
                item["document_id"] = rng.choice(docs)
            agenda.append(item)
        return agenda

    def events(self) -> None:
        rng, people = self.rng, self.ids("people")
        events, self.outcome_ids = [], []
        labels = {"meeting": ("Phiên họp", "Meeting"), "conference": ("Hội nghị", "Conference"), "inspection": ("Đoàn kiểm tra", "Inspection")}
        for i in range(1, self.spec.count("events") + 1):
            eid, topic = f"su-kien-{i:05d}", rng.choice(OBJECTS)
            kind = rng.choice(["meeting", "meeting", "conference", "inspection"])
            e: dict[str, Any] = {"id": eid, "date": self.day(2014, 2025), "title": self.text(f"{labels[kind][0]} về {topic[0]}", f"{labels[kind][1]} on {topic[1]}"),
                                 "classification": kind, "organization_id": self.body_ids[(i - 1) % len(self.body_ids)], "chair_id": rng.choice(people),
                                 "location": self.text(f"Hội trường {rng.choice(DISTRICTS)}", "Meeting hall"), "agenda": self._agenda(eid)}
            outs = []
            for j in range(1, max(1, round(rng.randint(1, 2) * self.spec.scales.get("outcomes", 1))) + 1):
                oid = f"{eid}-kl-{j}"
                outs.append({"id": oid, "text": self.text(f"Giao {rng.choice(['Sở GD&ĐT', 'các huyện', 'UBND tỉnh'])} {rng.choice(VERBS)[0].lower()} {rng.choice(OBJECTS)[0]}.", "An assignment."),
                             "assignee_ids": [rng.choice(self.others)]})
                self.outcome_ids.append(oid)
            e["outcomes"] = outs
            e["sources"] = self.srcs()
            events.append(e)
        self.out["events"] = events

    def plans(self) -> None:
        rng, docs = self.rng, self.ids("documents")
        plans = []
        for i in range(1, self.spec.count("plans") + 1):
            first = 2015 + (i - 1) % 8
            plans.append({"id": f"ke-hoach-{i:03d}", "title": self.text(f"Kế hoạch thực hiện giai đoạn {first}–{first + 5}", f"Plan {first}–{first + 5}"),
                          "organization_id": self.body_ids[(i - 1) % len(self.body_ids)], "called_for_by_id": rng.choice(self.outcome_ids),
                          "document_id": rng.choice(docs), "period_start": str(first), "period_end": str(first + 5), "sources": self.srcs()})
        self.out["plans"] = plans

    # Tasks: a forest per plan; each task's parent is an earlier task (depth up to 4).
    def tasks(self) -> None:
        rng, plans, docs = self.rng, self.ids("plans"), self.ids("documents")
        tasks: list[dict[str, Any]] = []
        depth: dict[str, int] = {}
        for i in range(1, self.spec.count("tasks") + 1):
            tid, (verb, obj) = f"nhiem-vu-ke-hoach-{i:05d}", (rng.choice(VERBS), rng.choice(OBJECTS))
            t: dict[str, Any] = {"id": tid, "title": self.text(f"{verb[0]} {obj[0]}", f"{verb[1]} {obj[1]}")}
            parent = rng.choice(tasks) if tasks and rng.random() < 0.75 else None
            if parent is not None and depth[parent["id"]] < 3:
                t["plan_id"], t["parent_id"] = parent["plan_id"], parent["id"]
                depth[tid] = depth[parent["id"]] + 1
            else:
                t["plan_id"], depth[tid] = rng.choice(plans), 0
            t["lead_id"] = rng.choice(self.others)
            if rng.random() < 0.4:
                t["support_ids"] = sorted({rng.choice(self.others) for _ in range(rng.randint(1, 3))})
            t["assigned_by_id"] = rng.choice(self.outcome_ids) if rng.random() < 0.5 else rng.choice(docs)
            t["assigned_date"] = t["start_date"] = start = self.day(2015, 2022)
            if rng.random() < 0.8:
                t["due_date"] = f"{int(start[:4]) + rng.randint(0, 4)}-12-31"
            t["weight"] = float(rng.choice([1, 1, 1, 2, 3]))
            t["sources"] = self.srcs()
            tasks.append(t)
        self.out["tasks"] = tasks

    def indicators(self) -> None:
        plans, out = self.ids("plans"), []
        for i in range(1, self.spec.count("indicators") + 1):
            unit = UNITS[i % len(UNITS)]
            base, target = {"percent": (40.0, 90.0), "count": (10, 200), "ratio": (0.3, 0.8), "vnd": (1000000, 5000000), "boolean": (False, True)}[unit]
            out.append({"id": f"chi-tieu-{i:04d}", "title": self.text(f"Tỷ lệ {self.rng.choice(OBJECTS)[0]} đạt chuẩn", "Share meeting the standard"),
                        "plan_id": self.rng.choice(plans), "unit": unit,
                        "baseline": {"value": base, "date": "2015"}, "target": {"value": target, "date": "2025"}, "sources": self.srcs()})
        self.out["indicators"] = out

    # Updates: most for tasks (percent rising, completed at 100), some for indicators.
    def updates(self) -> None:
        rng, tasks, indicators = self.rng, self.out["tasks"], self.out["indicators"]
        done: dict[str, float] = {}
        statuses = ["in_progress", "in_progress", "in_progress", "stalled", "not_started"]
        updates = []
        for i in range(1, self.spec.count("updates") + 1):
            u: dict[str, Any] = {"id": f"cap-nhat-{i:06d}", "date": self.day(2015, 2025)}
            if rng.random() < 0.9:
                task = rng.choice(tasks)
                pct = min(100.0, done.get(task["id"], 0.0) + rng.choice([0, 10, 20, 25]))
                done[task["id"]] = pct
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
        self.out["updates"] = updates

    def site(self) -> None:
        if self.spec.site and len(self.body_ids) > 1:
            self.out["site"] = [{"id": "site", "committee_id": self.body_ids[0]}]
