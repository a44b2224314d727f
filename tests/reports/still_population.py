"""The small report population (tests/reports/population.py) plus people with communes, phones and units, for the
"still to finish" lists.

Still to finish (confirmed, active account, course not completed), in list order:
Kampot (07): Angkor Chey (0701) / Angk Phnum Touch (070101): សុខ ស្រីពេជ្រ; Angkor Chey / no commune: k2;
             Kampot town (0708) / Kampong Kandal (070801): ចាន់ ដារ៉ា; Kampot town / no commune: k3.
Takeo (21):  Angkor Borei (2101) / Angkor Borei (210101): គឹម ស៊ាង; no district: t2.
Not listed: k1, k4, t1 (completed), k5 (waiting for confirmation), k6 (account disabled).
"""

from learners.models import LearnerProfile

from . import population


def named(username: str, *, name_km: str, name_latin: str = "", phone: str = "", unit: str = "", **fields):
    user = population.learner(username, **fields)
    LearnerProfile.objects.filter(user=user).update(
        full_name_km=name_km, full_name_latin=name_latin, phone=phone, unit=unit
    )
    return user


def build():
    places = population.build()
    police, council = "police_officer", "commune_council"
    named(
        "sophea", name_km="សុខ ស្រីពេជ្រ", name_latin="Sok Sreypich", phone="+85512345678", unit="ប៉ូលីសស្រុក Angkor Chey",
        province=places.kampot, district=places.angkor_chey, commune=places.angk_phnum_touch, role=police,
        gender="female", created="2026-03-01",
    )  # fmt: skip
    named(
        "dara", name_km="ចាន់ ដារ៉ា", name_latin="Chan Dara", phone="+85597111222", unit="ក្រុមប្រឹក្សាសង្កាត់",
        province=places.kampot, district=places.kampot_town, commune=places.kampong_kandal, role=council,
        gender="male", created="2026-03-02", started="2026-03-03", last="2026-07-01",
    )  # fmt: skip
    named(
        "kim", name_km="គឹម ស៊ាង", province=places.takeo, district=places.angkor_borei, commune=places.takeo_commune,
        role=police, gender="male", created="2026-03-04",
    )  # fmt: skip
    return places


KAMPOT_ORDER = ["សុខ ស្រីពេជ្រ", "អ្នកសិក្សា k2", "ចាន់ ដារ៉ា", "អ្នកសិក្សា k3"]
TAKEO_ORDER = ["គឹម ស៊ាង", "អ្នកសិក្សា t2"]
