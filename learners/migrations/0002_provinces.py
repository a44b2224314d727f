"""Cambodia's 25 provinces and capital (NCDD codes 01..25 = ISO 3166-2 KH-1..KH-25), shipped with the project.

Districts and communes come from the gazetteer through `manage.py import_gazetteer`.
"""

from django.db import migrations

# (code, ISO 3166-2, Khmer name, English name, unit)
PROVINCES = [
    ("01", "KH-1", "បន្ទាយមានជ័យ", "Banteay Meanchey", "province"),
    ("02", "KH-2", "បាត់ដំបង", "Battambang", "province"),
    ("03", "KH-3", "កំពង់ចាម", "Kampong Cham", "province"),
    ("04", "KH-4", "កំពង់ឆ្នាំង", "Kampong Chhnang", "province"),
    ("05", "KH-5", "កំពង់ស្ពឺ", "Kampong Speu", "province"),
    ("06", "KH-6", "កំពង់ធំ", "Kampong Thom", "province"),
    ("07", "KH-7", "កំពត", "Kampot", "province"),
    ("08", "KH-8", "កណ្តាល", "Kandal", "province"),
    ("09", "KH-9", "កោះកុង", "Koh Kong", "province"),
    ("10", "KH-10", "ក្រចេះ", "Kratié", "province"),
    ("11", "KH-11", "មណ្ឌលគិរី", "Mondulkiri", "province"),
    ("12", "KH-12", "ភ្នំពេញ", "Phnom Penh", "capital"),
    ("13", "KH-13", "ព្រះវិហារ", "Preah Vihear", "province"),
    ("14", "KH-14", "ព្រៃវែង", "Prey Veng", "province"),
    ("15", "KH-15", "ពោធិ៍សាត់", "Pursat", "province"),
    ("16", "KH-16", "រតនគិរី", "Ratanakiri", "province"),
    ("17", "KH-17", "សៀមរាប", "Siem Reap", "province"),
    ("18", "KH-18", "ព្រះសីហនុ", "Preah Sihanouk", "province"),
    ("19", "KH-19", "ស្ទឹងត្រែង", "Stung Treng", "province"),
    ("20", "KH-20", "ស្វាយរៀង", "Svay Rieng", "province"),
    ("21", "KH-21", "តាកែវ", "Takéo", "province"),
    ("22", "KH-22", "ឧត្តរមានជ័យ", "Oddar Meanchey", "province"),
    ("23", "KH-23", "កែប", "Kep", "province"),
    ("24", "KH-24", "ប៉ៃលិន", "Pailin", "province"),
    ("25", "KH-25", "ត្បូងឃ្មុំ", "Tboung Khmum", "province"),
]


def add_provinces(apps, schema_editor):
    Province = apps.get_model("learners", "Province")
    for code, iso_code, name_km, name_en, unit in PROVINCES:
        Province.objects.update_or_create(
            code=code, defaults={"iso_code": iso_code, "name_km": name_km, "name_en": name_en, "unit": unit}
        )


def remove_provinces(apps, schema_editor):
    Province = apps.get_model("learners", "Province")
    Province.objects.filter(code__in=[row[0] for row in PROVINCES], districts__isnull=True, learners__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("learners", "0001_initial")]

    operations = [migrations.RunPython(add_provinces, remove_provinces)]
