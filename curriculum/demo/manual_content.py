"""Demo content of the child-friendly police manual (Khmer first, English second), read by the demo loader."""

# Plain data only, held to locale/glossary.csv (tests/core/test_glossary.py). Facts used: Cambodia ratified the UN
# Convention on the Rights of the Child on 15 October 1992 (UN Treaty Collection); it ratified the Optional Protocol
# on the sale of children, child prostitution and child pornography in 2002 (the day differs between sources: 21
# February in the Cambodian Children's Report 2013, May in the UN Treaty Collection as commonly cited), so the manual
# gives the year only; the Law on Suppression of Human Trafficking and Sexual Exploitation (2008). English quotations
# of the Convention and the Protocol are the treaty wording; the Khmer ones are working translations, and each legal
# reference says so to its reader (its "status") until they are checked against the official Khmer texts.

MANUAL = {
    "slug": "child-friendly-police-manual",
    "title": {
        "km": "សៀវភៅណែនាំប៉ូលីសកុមារមេត្រី",
        "en": "Child-Friendly Police Manual",
    },
    "introduction": {
        "km": (
            "<p>សៀវភៅណែនាំនេះ ជួយប៉ូលីស និងអាជ្ញាធរមូលដ្ឋាន ឱ្យបំពេញកាតព្វកិច្ចរបស់ខ្លួន "
            "ដោយគិតគូរពី<strong>ឧត្តមប្រយោជន៍របស់កុមារ</strong> ក្នុងរឿងក្តីព្រហ្មទណ្ឌ។ "
            "កុមារអាចពាក់ព័ន្ធនឹងច្បាប់ ក្នុងនាមជាជនរងគ្រោះ ជាសាក្សី ឬជាជនល្មើស។</p>"
            "<p>សៀវភៅណែនាំនេះ រៀបចំឡើងដោយ NGOCRC និងអង្គការសមាជិក។ វាមានម៉ូឌុលខ្លីៗចំនួនប្រាំ។ "
            "អ្នកអាចអានលើទូរស័ព្ទ ម្តងមួយមេរៀន នៅពេលដែលអ្នកទំនេរ។</p>"
            "<p>ត្រូវចងចាំជានិច្ចថា៖ <strong>កុមារ គឺជាកុមារជាមុនសិន</strong>។ "
            "សុវត្ថិភាព សេចក្តីថ្លៃថ្នូរ និងឯកជនភាពរបស់កុមារ ត្រូវមកមុនគេ។</p>"
        ),
        "en": (
            "<p>This manual helps police and local authorities meet their obligation to act in the "
            "<strong>best interests of the child</strong> in criminal cases. Children may come into contact "
            "with the law as victims, as witnesses or as offenders.</p>"
            "<p>The manual was developed by NGOCRC and its member organisations. It has five short modules. "
            "You can read it on your phone, one lesson at a time, whenever you have a moment.</p>"
            "<p>Always remember: <strong>a child is a child first</strong>. "
            "The child’s safety, dignity and privacy come before everything else.</p>"
        ),
    },
    "audience": {
        "km": (
            "<p>សៀវភៅណែនាំនេះ សម្រាប់៖</p>"
            "<ul>"
            "<li>ប៉ូលីសយុត្តិធម៌</li>"
            "<li>ប៉ូលីសនៅប៉ុស្តិ៍ប៉ូលីសឃុំ/សង្កាត់</li>"
            "<li>ប៉ូលីសនៃអង្គភាពប្រឆាំងការជួញដូរមនុស្ស និងការពារអនីតិជន</li>"
            "<li>សមាជិកក្រុមប្រឹក្សាឃុំ/សង្កាត់</li>"
            "<li>បុគ្គលបង្គោលនៃគណៈកម្មាធិការទទួលបន្ទុកកិច្ចការនារី និងកុមារឃុំ/សង្កាត់ (គ.ក.ន.ក)</li>"
            "</ul>"
            "<p>អ្នកមិនចាំបាច់មានចំណេះដឹងផ្នែកច្បាប់ពីមុនទេ។ "
            "មេរៀននីមួយៗ ប្រើពាក្យសាមញ្ញ និងឧទាហរណ៍ពីការងារប្រចាំថ្ងៃ។</p>"
        ),
        "en": (
            "<p>This manual is for:</p>"
            "<ul>"
            "<li>judicial police officers</li>"
            "<li>police at commune/sangkat police posts</li>"
            "<li>police in anti-trafficking and juvenile protection units</li>"
            "<li>commune/sangkat council members</li>"
            "<li>focal points of the Commune Committee for Women and Children (CCWC)</li>"
            "</ul>"
            "<p>You do not need any legal background. "
            "Each lesson uses plain words and examples from daily work.</p>"
        ),
    },
}

# Allowed symbols: "shield", "house", "people", "chat", "phone", "scales", "map", "checklist", "heart", "book"
IMAGES = {
    "safe-room": {
        "title": {"km": "កន្លែងស្ងាត់ និងមានសុវត្ថិភាព", "en": "A quiet, safe place"},
        "symbol": "house",
        "colour": "#2f6f8f",
    },
    "child-rights": {
        "title": {"km": "កុមារគ្រប់រូបមានសិទ្ធិ", "en": "Every child has rights"},
        "symbol": "book",
        "colour": "#1f5c4a",
    },
    "best-interests": {
        "title": {"km": "ឧត្តមប្រយោជន៍របស់កុមារ", "en": "The best interests of the child"},
        "symbol": "scales",
        "colour": "#6b4c9a",
    },
    "border-watch": {
        "title": {"km": "ប្រុងប្រយ័ត្ននៅព្រំដែន", "en": "Stay alert at the border"},
        "symbol": "map",
        "colour": "#a0522d",
    },
    "trusted-adult": {
        "title": {"km": "មនុស្សពេញវ័យដែលកុមារទុកចិត្ត នៅជាមួយកុមារ", "en": "A trusted adult stays with the child"},
        "symbol": "people",
        "colour": "#2e7d32",
    },
    "safety-first": {
        "title": {"km": "សុវត្ថិភាពកុមារជាមុន", "en": "The child’s safety first"},
        "symbol": "shield",
        "colour": "#b03a2e",
    },
    "child-first": {
        "title": {"km": "ជាកុមារជាមុនសិន", "en": "A child first"},
        "symbol": "heart",
        "colour": "#ad1457",
    },
    "referral-pathway": {
        "title": {"km": "ធ្វើការជាក្រុមដើម្បីកុមារ", "en": "Working together for the child"},
        "symbol": "checklist",
        "colour": "#455a64",
    },
}

AUDIO = {
    "first-response-briefing": {
        "title": {"km": "ការឆ្លើយតបដំបូង៖ សុវត្ថិភាពជាចម្បង", "en": "First response: safety first"},
    },
    "explaining-the-interview": {
        "title": {"km": "ការពន្យល់កុមារមុនពេលសម្ភាសន៍", "en": "Explaining the interview to a child"},
    },
}

VIDEO = {
    "child-friendly-interview": {
        "title": {"km": "សម្ភាសន៍តាមបែបកុមារមេត្រី", "en": "A child-friendly interview"},
        "slides": [
            {"km": "ជ្រើសរើសបន្ទប់ស្ងាត់ និងមានសុវត្ថិភាព", "en": "Choose a quiet, safe room"},
            {"km": "មនុស្សពេញវ័យដែលកុមារទុកចិត្តនៅជាមួយ", "en": "A trusted adult stays with the child"},
            {"km": "ពន្យល់ជាពាក្យងាយៗ", "en": "Explain in simple words"},
            {"km": "សួរសំណួរបើកចំហ កុំណែនាំចម្លើយ", "en": "Ask open questions, never leading ones"},
            {"km": "សម្ភាសន៍តែម្តង និងរក្សាការសម្ងាត់", "en": "One interview, kept confidential"},
        ],
    },
    "referral-pathway": {
        "title": {"km": "ផ្លូវនៃការបញ្ជូនបន្ត", "en": "The referral pathway"},
        "slides": [
            {"km": "ធ្វើឱ្យកុមារមានសុវត្ថិភាព", "en": "Make the child safe"},
            {"km": "ជូនដំណឹងប៉ូលីស និង គ.ក.ន.ក", "en": "Inform the police and the CCWC"},
            {"km": "បញ្ជូនទៅសេវាសុខភាព ទីជម្រក ជំនួយច្បាប់", "en": "Refer: health, shelter, legal aid"},
            {"km": "កត់ត្រា និងរក្សាការសម្ងាត់", "en": "Record it and keep it confidential"},
            {"km": "តាមដានកុមារជាបន្តបន្ទាប់", "en": "Follow up with the child"},
        ],
    },
}

# Legal wording reused in several lessons.
_UNCRC = {
    "km": "អនុសញ្ញាអង្គការសហប្រជាជាតិស្តីពីសិទ្ធិកុមារ",
    "en": "UN Convention on the Rights of the Child",
}
_UNCRC_ART3 = {
    "km": (
        "ក្នុងគ្រប់សកម្មភាពទាំងអស់ទាក់ទងនឹងកុមារ មិនថាធ្វើឡើងដោយស្ថាប័នសុខុមាលភាពសង្គមសាធារណៈ ឬឯកជន "
        "តុលាការ អាជ្ញាធររដ្ឋបាល ឬស្ថាប័ននីតិបញ្ញត្តិឡើយ ឧត្តមប្រយោជន៍របស់កុមារ ត្រូវយកមកពិចារណាជាចម្បង។"
    ),
    "en": (
        "In all actions concerning children, whether undertaken by public or private social welfare institutions, "
        "courts of law, administrative authorities or legislative bodies, the best interests of the child shall be "
        "a primary consideration."
    ),
}
# Where the quoted words come from, named under each quotation.
_CRC_SOURCE = {
    "km": "ការបកប្រែសម្រាប់ការងាររបស់សៀវភៅណែនាំនេះ ពីអត្ថបទអង់គ្លេសរបស់អង្គការសហប្រជាជាតិ",
    "en": "United Nations, Treaty Series, vol. 1577, p. 3",
}
_OPSC_SOURCE = {
    "km": "ការបកប្រែសម្រាប់ការងាររបស់សៀវភៅណែនាំនេះ ពីអត្ថបទអង់គ្លេសរបស់អង្គការសហប្រជាជាតិ",
    "en": "United Nations, Treaty Series, vol. 2171, p. 227",
}
_OPSC = {
    "km": "ពិធីសារបន្ថែមនៃអនុសញ្ញាស្តីពីសិទ្ធិកុមារ ស្តីពីការលក់កុមារ ពេស្យាចារកុមារ និងរូបភាពអាសអាភាសកុមារ",
    "en": (
        "Optional Protocol to the Convention on the Rights of the Child on the sale of children, "
        "child prostitution and child pornography (OPSC)"
    ),
}


MODULES = [
    # ------------------------------------------------------------------------------------------------ Module 1
    {
        "slug": "rights-of-the-child",
        "number": 1,
        "title": {"km": "សិទ្ធិកុមារ និងច្បាប់", "en": "The rights of the child and the law"},
        "summary": {
            "km": (
                "តើនរណាជាកុមារ ឧត្តមប្រយោជន៍របស់កុមារមានន័យដូចម្តេច និងច្បាប់ណាខ្លះការពារកុមារពីការលក់ ការជួញដូរ និងការកេងប្រវ័ញ្ចផ្លូវភេទ។"
            ),
            "en": (
                "Who is a child, what the best interests of the child means, and which laws protect children "
                "from sale, trafficking and sexual exploitation."
            ),
        },
        "objectives": {
            "km": [
                "ពន្យល់ថាតើនរណាជាកុមារ តាមអនុសញ្ញាស្តីពីសិទ្ធិកុមារ។",
                "អនុវត្តគោលការណ៍ឧត្តមប្រយោជន៍របស់កុមារ ក្នុងការងារប្រចាំថ្ងៃ។",
                "ស្គាល់ទម្រង់នៃការកេងប្រវ័ញ្ចបីយ៉ាង ដែលកំណត់ក្នុងពិធីសារបន្ថែម។",
                "ពន្យល់ពីតួនាទីរបស់អ្នក ក្រោមច្បាប់ស្តីពីការបង្ក្រាបអំពើជួញដូរមនុស្ស និងអំពើធ្វើអាជីវកម្មផ្លូវភេទ។",
            ],
            "en": [
                "Explain who is a child under the Convention on the Rights of the Child.",
                "Apply the principle of the best interests of the child in daily work.",
                "Recognise the three forms of exploitation defined in the Optional Protocol.",
                "Explain your role under the Law on Suppression of Human Trafficking and Sexual Exploitation.",
            ],
        },
        "audience_roles": ["police_officer", "commune_council", "ccwc_focal_point", "village_chief", "official"],
        # The basis of everything after it: required of every learner.
        "required_roles": [
            "police_officer",
            "commune_council",
            "ccwc_focal_point",
            "village_chief",
            "official",
            "other",
        ],
        "estimated_minutes": 25,
        "cover_image": "child-rights",
        "lessons": [
            {
                "slug": "who-is-a-child",
                "title": {"km": "តើនរណាជាកុមារ?", "en": "Who is a child?"},
                "summary": {
                    "km": "តាមអនុសញ្ញាស្តីពីសិទ្ធិកុមារ កុមារ គឺមនុស្សគ្រប់រូបដែលមានអាយុក្រោម ១៨ ឆ្នាំ ហើយកុមារគ្រប់រូបមានសិទ្ធិ។",
                    "en": (
                        "Under the Convention on the Rights of the Child, a child is every person below 18, "
                        "and every child has rights."
                    ),
                },
                "body": {
                    "km": [
                        (
                            "text",
                            "<p>កម្ពុជាបានផ្តល់សច្ចាប័នលើអនុសញ្ញាស្តីពីសិទ្ធិកុមារ របស់អង្គការសហប្រជាជាតិ "
                            "នៅថ្ងៃទី១៥ ខែតុលា ឆ្នាំ១៩៩២។ មានន័យថា រដ្ឋបានសន្យាគោរព "
                            "និងការពារសិទ្ធិរបស់កុមារគ្រប់រូបនៅកម្ពុជា។</p>"
                            "<p>ប៉ូលីស និងអាជ្ញាធរមូលដ្ឋាន បំពេញការងារក្នុងនាមរដ្ឋ។ "
                            "ដូច្នេះ អនុសញ្ញានេះពាក់ព័ន្ធដោយផ្ទាល់នឹងការងាររបស់អ្នករាល់ថ្ងៃ។</p>",
                        ),
                        (
                            "image",
                            {
                                "image": "child-rights",
                                "alt_text": "កាតពណ៌បៃតងចាស់ មានរូបសៀវភៅសាមញ្ញនៅកណ្តាល និងអក្សរថា «កុមារគ្រប់រូបមានសិទ្ធិ»។",
                                "caption": "អនុសញ្ញាស្តីពីសិទ្ធិកុមារ ការពារកុមារគ្រប់រូប។",
                            },
                        ),
                        (
                            "legal_reference",
                            {
                                "instrument": _UNCRC["km"],
                                "article": "១",
                                "quotation": (
                                    "សម្រាប់គោលបំណងនៃអនុសញ្ញានេះ កុមារ សំដៅដល់មនុស្សគ្រប់រូបដែលមានអាយុក្រោម ១៨ ឆ្នាំ "
                                    "លើកលែងតែច្បាប់ដែលអនុវត្តចំពោះកុមារនោះ កំណត់ឱ្យគ្រប់អាយុមុននោះ។"
                                ),
                                "status": "working",
                                "source": _CRC_SOURCE["km"],
                                "note": (
                                    "បើអ្នកមិនប្រាកដថា មនុស្សម្នាក់មានអាយុក្រោម ១៨ ឆ្នាំឬទេ "
                                    "ត្រូវចាត់ទុកអ្នកនោះជាកុមារ រហូតដល់ដឹងអាយុពិតប្រាកដ។"
                                ),
                            },
                        ),
                        (
                            "practice",
                            {
                                "title": "នៅពេលមិនច្បាស់ពីអាយុ",
                                "do": [
                                    "ចាត់ទុកជាកុមារ រហូតដល់ដឹងអាយុពិតប្រាកដ។",
                                    "សុំមើលសំបុត្រកំណើត សៀវភៅគ្រួសារ ឬអត្តសញ្ញាណប័ណ្ណ ដោយសុភាព។",
                                    "សុំឱ្យក្រុមប្រឹក្សាឃុំ/សង្កាត់ ជួយពិនិត្យបញ្ជីអត្រានុកូលដ្ឋាន។",
                                ],
                                "dont": [
                                    "កុំទាយអាយុ ដោយមើលតែកម្ពស់ ឬរូបរាង។",
                                    "កុំឃុំអ្នកនោះរួមជាមួយមនុស្សពេញវ័យ ពេលកំពុងពិនិត្យអាយុ។",
                                    "កុំចាត់ទុកកុមារជាមនុស្សពេញវ័យ ដោយសារគេធ្វើការ ឬរៀបការហើយ។",
                                ],
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "ចំណុចសំខាន់",
                                "points": [
                                    "កុមារ គឺមនុស្សគ្រប់រូបដែលមានអាយុក្រោម ១៨ ឆ្នាំ។",
                                    "កុមារគ្រប់រូបមានសិទ្ធិ ទាំងក្មេងប្រុស ក្មេងស្រី អ្នកមាន អ្នកក្រ នៅគ្រប់ខេត្ត។",
                                    "បើមានការសង្ស័យ ត្រូវចាត់ទុកជាកុមារ។",
                                ],
                            },
                        ),
                    ],
                    "en": [
                        (
                            "text",
                            "<p>Cambodia ratified the UN Convention on the Rights of the Child on 15 October 1992. "
                            "This means the State promised to respect and protect the rights of every child "
                            "in Cambodia.</p>"
                            "<p>Police and local authorities work on behalf of the State. "
                            "So the Convention applies directly to your daily work.</p>",
                        ),
                        (
                            "image",
                            {
                                "image": "child-rights",
                                "alt_text": (
                                    "Dark green card with a simple book symbol in the centre and the words "
                                    "“Every child has rights”."
                                ),
                                "caption": "The Convention on the Rights of the Child protects every child.",
                            },
                        ),
                        (
                            "legal_reference",
                            {
                                "instrument": _UNCRC["en"],
                                "article": "1",
                                "quotation": (
                                    "For the purposes of the present Convention, a child means every human being "
                                    "below the age of eighteen years unless under the law applicable to the child, "
                                    "majority is attained earlier."
                                ),
                                "status": "official",
                                "source": _CRC_SOURCE["en"],
                                "note": (
                                    "If you are not sure whether a person is under 18, "
                                    "treat them as a child until their real age is known."
                                ),
                            },
                        ),
                        (
                            "practice",
                            {
                                "title": "When the age is not clear",
                                "do": [
                                    "Treat the person as a child until the real age is known.",
                                    "Politely ask to see a birth certificate, family book or ID card.",
                                    "Ask the commune/sangkat council to help check the civil registration records.",
                                ],
                                "dont": [
                                    "Do not guess the age from height or looks alone.",
                                    "Do not hold the person with adults while you check the age.",
                                    "Do not treat a child as an adult because they work or are married.",
                                ],
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "Key points",
                                "points": [
                                    "A child is every person below 18 years of age.",
                                    "Every child has rights: boys and girls, rich and poor, in every province.",
                                    "When in doubt, treat the person as a child.",
                                ],
                            },
                        ),
                    ],
                },
            },
            {
                "slug": "best-interests-of-the-child",
                "title": {"km": "ឧត្តមប្រយោជន៍របស់កុមារ", "en": "The best interests of the child"},
                "summary": {
                    "km": "ក្នុងគ្រប់សេចក្តីសម្រេចទាក់ទងនឹងកុមារ ត្រូវសួរខ្លួនឯងថា តើអ្វីល្អបំផុតសម្រាប់កុមារនេះ។",
                    "en": "In every decision about a child, ask yourself what is best for this child.",
                },
                "body": {
                    "km": [
                        (
                            "text",
                            "<p><strong>ឧត្តមប្រយោជន៍របស់កុមារ</strong> មានន័យថា មុនពេលសម្រេចចិត្តអ្វីមួយ ត្រូវសួរថា៖ "
                            "«តើអ្វីល្អបំផុតសម្រាប់សុវត្ថិភាព សុខភាព និងអនាគតរបស់កុមារនេះ?»</p>"
                            "<p>ឧទាហរណ៍៖ កុមារត្រូវស្នាក់នៅទីណាយប់នេះ នរណាត្រូវនៅជាមួយកុមារពេលសម្ភាសន៍ "
                            "ឬគួរទាក់ទងគ្រួសារឬទេ។ សេចក្តីសម្រេចទាំងនេះ ត្រូវគិតពីកុមារជាមុន "
                            "មិនមែនគិតពីភាពងាយស្រួលរបស់យើងទេ។</p>",
                        ),
                        (
                            "legal_reference",
                            {
                                "instrument": _UNCRC["km"],
                                "article": "៣ (១)",
                                "quotation": _UNCRC_ART3["km"],
                                "status": "working",
                                "source": _CRC_SOURCE["km"],
                                "note": (
                                    "មាត្រានេះ អនុវត្តចំពោះគ្រប់សកម្មភាពរបស់ប៉ូលីស និងអាជ្ញាធរមូលដ្ឋាន ទាក់ទងនឹងកុមារ៖ "
                                    "កុមាររងគ្រោះ កុមារសាក្សី និងកុមារដែលត្រូវសង្ស័យថាប្រព្រឹត្តបទល្មើស។"
                                ),
                            },
                        ),
                        (
                            "image",
                            {
                                "image": "best-interests",
                                "alt_text": "កាតពណ៌ស្វាយ មានរូបជញ្ជីងសាមញ្ញនៅកណ្តាល និងអក្សរថា «ឧត្តមប្រយោជន៍របស់កុមារ»។",
                                "caption": "ថ្លឹងថ្លែងគ្រប់សេចក្តីសម្រេច ដោយគិតពីកុមារជាមុន។",
                            },
                        ),
                        (
                            "scenario",
                            {
                                "title": "ក្មេងស្រីម្នាក់ នៅស្ថានីយឡានក្រុងពេលយប់",
                                "situation": (
                                    "វេលាម៉ោង ១០ យប់ ក្រុមល្បាតបានជួបស្រីលក្ខណ៍ អាយុប្រហែល ១៤ ឆ្នាំ "
                                    "នៅម្នាក់ឯងនៅស្ថានីយឡានក្រុង ក្នុងទីរួមខេត្ត។ នាងប្រាប់ថា មីងរបស់នាងនឹងមកទទួលនៅព្រឹកស្អែក។ "
                                    "មិត្តរួមការងារម្នាក់ ស្នើឱ្យនាងដេកក្នុងបន្ទប់ឃុំខ្លួននៅប៉ុស្តិ៍ប៉ូលីស "
                                    "ព្រោះយប់ជ្រៅហើយ ហើយគ្មានកន្លែងផ្សេង។"
                                ),
                                "questions": [
                                    "តើអ្វីជាឧត្តមប្រយោជន៍របស់ស្រីលក្ខណ៍ នៅយប់នេះ?",
                                    "តើនរណាអាចជួយរកកន្លែងស្នាក់នៅដែលមានសុវត្ថិភាពសម្រាប់នាង?",
                                    "តើអ្នកនឹងផ្ទៀងផ្ទាត់ដោយរបៀបណា ថាអ្នកមកទទួលនាង ពិតជាមីងរបស់នាងមែន?",
                                ],
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "សួរសំណួរបីនេះ",
                                "points": [
                                    "តើកុមារមានសុវត្ថិភាពឥឡូវនេះឬទេ?",
                                    "តើយើងបានស្តាប់កុមារហើយឬនៅ?",
                                    "តើសេចក្តីសម្រេចនេះ ការពារអនាគតរបស់កុមារឬទេ?",
                                ],
                            },
                        ),
                    ],
                    "en": [
                        (
                            "text",
                            "<p><strong>The best interests of the child</strong> means that before you decide "
                            "anything, you ask: “What is best for this child’s safety, health and future?”</p>"
                            "<p>For example: where the child will sleep tonight, who stays with the child during an "
                            "interview, or whether to contact the family. These decisions must put the child first, "
                            "not what is easiest for us.</p>",
                        ),
                        (
                            "legal_reference",
                            {
                                "instrument": _UNCRC["en"],
                                "article": "3 (1)",
                                "quotation": _UNCRC_ART3["en"],
                                "status": "official",
                                "source": _CRC_SOURCE["en"],
                                "note": (
                                    "This applies to every action police and local authorities take "
                                    "concerning a child: "
                                    "child victims, child witnesses and children suspected of an offence."
                                ),
                            },
                        ),
                        (
                            "image",
                            {
                                "image": "best-interests",
                                "alt_text": (
                                    "Purple card with a simple pair of scales in the centre and the words “The "
                                    "best interests of the child”."
                                ),
                                "caption": "Weigh every decision with the child first in mind.",
                            },
                        ),
                        (
                            "scenario",
                            {
                                "title": "A girl alone at the bus station at night",
                                "situation": (
                                    "At 10 p.m., a patrol finds Srey Leak, about 14, alone at the bus station in the "
                                    "provincial town. She says her aunt will collect her tomorrow morning. A colleague "
                                    "suggests that she sleeps in the cell at the police post, because it is late and "
                                    "there is nowhere else."
                                ),
                                "questions": [
                                    "What would be in Srey Leak’s best interests tonight?",
                                    "Who could help you find a safe place for her to stay?",
                                    "How would you check that the person who comes for her really is her aunt?",
                                ],
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "Ask these three questions",
                                "points": [
                                    "Is the child safe right now?",
                                    "Have we listened to the child?",
                                    "Does this decision protect the child’s future?",
                                ],
                            },
                        ),
                    ],
                },
            },
            {
                "slug": "three-forms-of-exploitation",
                "title": {
                    "km": "ទម្រង់នៃការកេងប្រវ័ញ្ចបីយ៉ាង ក្នុងពិធីសារបន្ថែម",
                    "en": "Three forms of exploitation in the Optional Protocol",
                },
                "summary": {
                    "km": "ពិធីសារបន្ថែម កំណត់និយមន័យនៃការលក់កុមារ ពេស្យាចារកុមារ និងរូបភាពអាសអាភាសកុមារ។",
                    "en": (
                        "The Optional Protocol defines the sale of children, child prostitution and child pornography."
                    ),
                },
                "body": {
                    "km": [
                        (
                            "text",
                            "<p>នៅឆ្នាំ២០០២ កម្ពុជាបានផ្តល់សច្ចាប័នលើពិធីសារបន្ថែមនៃអនុសញ្ញាស្តីពីសិទ្ធិកុមារ "
                            "ស្តីពីការលក់កុមារ ពេស្យាចារកុមារ និងរូបភាពអាសអាភាសកុមារ។</p>"
                            "<p>មាត្រា ២ នៃពិធីសារនេះ កំណត់និយមន័យនៃទម្រង់ទាំងបីនេះ។ "
                            "អ្នកត្រូវស្គាល់និយមន័យទាំងនេះ ដើម្បីកំណត់ករណីបានត្រឹមត្រូវ។</p>",
                        ),
                        (
                            "legal_reference",
                            {
                                "instrument": _OPSC["km"],
                                "article": "២ (ក)",
                                "quotation": (
                                    "ការលក់កុមារ មានន័យថា អំពើ ឬប្រតិបត្តិការណាមួយ ដែលកុមារត្រូវបានផ្ទេរ "
                                    "ដោយបុគ្គល ឬក្រុមបុគ្គលណាមួយ ទៅឱ្យអ្នកផ្សេងទៀត ដើម្បីទទួលបានកម្រៃ "
                                    "ឬការតបស្នងណាមួយផ្សេងទៀត។"
                                ),
                                "status": "working",
                                "source": _OPSC_SOURCE["km"],
                                "note": ("កម្រៃមិនមែនមានតែប្រាក់ទេ។ វាអាចជាការលុបបំណុល អំណោយ ទូរស័ព្ទ ឬផលប្រយោជន៍ផ្សេងទៀត។"),
                            },
                        ),
                        (
                            "legal_reference",
                            {
                                "instrument": _OPSC["km"],
                                "article": "២ (ខ)",
                                "quotation": (
                                    "ពេស្យាចារកុមារ មានន័យថា ការប្រើប្រាស់កុមារក្នុងសកម្មភាពផ្លូវភេទ "
                                    "ដើម្បីទទួលបានកម្រៃ ឬការតបស្នងក្នុងទម្រង់ណាមួយផ្សេងទៀត។"
                                ),
                                "status": "working",
                                "source": _OPSC_SOURCE["km"],
                                "note": ("កុមារមិនមែនជាអ្នកខុសឡើយ។ អ្នកដែលទិញ លក់ ឬរកកម្រៃពីកុមារ ទើបជាអ្នកប្រព្រឹត្តបទល្មើស។"),
                            },
                        ),
                        (
                            "legal_reference",
                            {
                                "instrument": _OPSC["km"],
                                "article": "២ (គ)",
                                "quotation": (
                                    "រូបភាពអាសអាភាសកុមារ មានន័យថា ការបង្ហាញណាមួយ តាមមធ្យោបាយណាក៏ដោយ "
                                    "នូវកុមារដែលកំពុងចូលរួមក្នុងសកម្មភាពផ្លូវភេទយ៉ាងច្បាស់ ទាំងពិត ឬក្លែងធ្វើ "
                                    "ឬការបង្ហាញណាមួយនូវអវយវៈភេទរបស់កុមារ ក្នុងគោលបំណងផ្លូវភេទជាចម្បង។"
                                ),
                                "status": "working",
                                "source": _OPSC_SOURCE["km"],
                                "note": (
                                    "រូបថត និងវីដេអូក្នុងទូរស័ព្ទ ក៏ស្ថិតក្នុងនិយមន័យនេះដែរ។ "
                                    "ត្រូវរក្សាឧបករណ៍ទុកជាភស្តុតាង ហើយកុំចម្លង បញ្ជូនបន្ត ឬបង្ហាញរូបភាពទាំងនោះដល់អ្នកដទៃ។"
                                ),
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "និយាយជាពាក្យសាមញ្ញ",
                                "points": [
                                    "ការលក់កុមារ៖ កុមារត្រូវបានប្រគល់ទៅឱ្យអ្នកផ្សេង ដើម្បីដូរយកប្រាក់ ឬផលប្រយោជន៍ផ្សេង។",
                                    "ពេស្យាចារកុមារ៖ កុមារត្រូវបានគេប្រើក្នុងសកម្មភាពផ្លូវភេទ ដើម្បីដូរយកប្រាក់ ឬផលប្រយោជន៍ផ្សេង។",
                                    "រូបភាពអាសអាភាសកុមារ៖ រូបភាព វីដេអូ ឬការបង្ហាញផ្សេងទៀត ដែលបង្ហាញកុមារក្នុងសកម្មភាពផ្លូវភេទ "
                                    "ឬបង្ហាញអវយវៈភេទរបស់កុមារ ក្នុងគោលបំណងផ្លូវភេទ។",
                                ],
                            },
                        ),
                        (
                            "practice",
                            {
                                "title": "ការរក្សារូបភាពទុកជាភស្តុតាង",
                                "do": [
                                    "រក្សាទូរស័ព្ទ ឬឧបករណ៍ទុកនៅកន្លែងមានសុវត្ថិភាព ជាភស្តុតាង។",
                                    "កត់ត្រាថា នរណាបានកាន់ឧបករណ៍ និងនៅពេលណា។",
                                    "ជូនដំណឹងដល់ថ្នាក់លើ និងប៉ូលីសយុត្តិធម៌ដែលទទួលបន្ទុកករណី។",
                                ],
                                "dont": [
                                    "កុំចម្លង ឬបញ្ជូនបន្តរូបភាព ទោះបីក្នុងក្រុមការងារក៏ដោយ។",
                                    "កុំបង្ហាញរូបភាពដល់កុមារ គ្រួសារ ឬអ្នកសារព័ត៌មាន។",
                                ],
                            },
                        ),
                    ],
                    "en": [
                        (
                            "text",
                            "<p>In 2002, Cambodia ratified the Optional Protocol to the Convention on the "
                            "Rights of the Child on the sale of children, child prostitution and child pornography.</p>"
                            "<p>Article 2 of the Protocol defines these three forms of exploitation. "
                            "Know these definitions, so that you can recognise a case correctly.</p>",
                        ),
                        (
                            "legal_reference",
                            {
                                "instrument": _OPSC["en"],
                                "article": "2 (a)",
                                "quotation": (
                                    "Sale of children means any act or transaction whereby a child is transferred by "
                                    "any person or group of persons to another for remuneration or any other "
                                    "consideration."
                                ),
                                "status": "official",
                                "source": _OPSC_SOURCE["en"],
                                "note": (
                                    "Payment is not only cash. It can be a debt cancelled, a gift, a phone "
                                    "or any other benefit."
                                ),
                            },
                        ),
                        (
                            "legal_reference",
                            {
                                "instrument": _OPSC["en"],
                                "article": "2 (b)",
                                "quotation": (
                                    "Child prostitution means the use of a child in sexual activities for remuneration "
                                    "or any other form of consideration;"
                                ),
                                "status": "official",
                                "source": _OPSC_SOURCE["en"],
                                "note": (
                                    "The child is never to blame. The people who buy, sell or profit from the child "
                                    "are the ones who commit the offence."
                                ),
                            },
                        ),
                        (
                            "legal_reference",
                            {
                                "instrument": _OPSC["en"],
                                "article": "2 (c)",
                                "quotation": (
                                    "Child pornography means any representation, by whatever means, of a child engaged "
                                    "in real or simulated explicit sexual activities or any representation of the "
                                    "sexual parts of a child for primarily sexual purposes"
                                ),
                                "status": "official",
                                "source": _OPSC_SOURCE["en"],
                                "note": (
                                    "Photos and videos on phones are included. Keep the device as evidence, and never "
                                    "copy, forward or show the images to others."
                                ),
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "In plain words",
                                "points": [
                                    (
                                        "Sale of children: a child is handed over to someone else in exchange "
                                        "for money or another benefit."
                                    ),
                                    (
                                        "Child prostitution: a child is used in sexual activities in exchange "
                                        "for money or another benefit."
                                    ),
                                    "Child pornography: a picture, video or other representation showing a "
                                    "child in sexual "
                                    "activity, or showing a child’s sexual parts for sexual purposes.",
                                ],
                            },
                        ),
                        (
                            "practice",
                            {
                                "title": "Keeping images as evidence",
                                "do": [
                                    "Keep the phone or device in a safe place as evidence.",
                                    "Write down who handled the device, and when.",
                                    "Inform your supervisor and the judicial police in charge of the case.",
                                ],
                                "dont": [
                                    "Do not copy or forward the images, not even within a work group.",
                                    "Do not show the images to the child, the family or journalists.",
                                ],
                            },
                        ),
                    ],
                },
            },
            {
                "slug": "the-2008-law-and-your-role",
                "title": {"km": "ច្បាប់ឆ្នាំ២០០៨ និងតួនាទីរបស់អ្នក", "en": "The 2008 law and your role"},
                "summary": {
                    "km": "ច្បាប់ស្តីពីការបង្ក្រាបអំពើជួញដូរមនុស្ស និងអំពើធ្វើអាជីវកម្មផ្លូវភេទ ចាត់ទុកអំពើទាំងនេះជាបទល្មើសដែលត្រូវដាក់ទោស។",
                    "en": (
                        "The Law on Suppression of Human Trafficking and Sexual Exploitation makes these acts "
                        "crimes that must be punished."
                    ),
                },
                "body": {
                    "km": [
                        (
                            "text",
                            "<p>នៅឆ្នាំ២០០៨ កម្ពុជាបានអនុម័តច្បាប់ស្តីពីការបង្ក្រាបអំពើជួញដូរមនុស្ស "
                            "និងអំពើធ្វើអាជីវកម្មផ្លូវភេទ។ ច្បាប់នេះ ដាក់ទោសអ្នកដែលជួញដូរមនុស្ស រួមទាំងកុមារ "
                            "និងអ្នកដែលកេងប្រវ័ញ្ចផ្លូវភេទលើកុមារ។</p>"
                            "<p>ក្នុងរបាយការណ៍ឆ្នាំ២០១៣ កុមារកម្ពុជាបានស្នើឱ្យអាជ្ញាធរ អនុវត្តច្បាប់នេះឱ្យមានប្រសិទ្ធភាពបំផុត។ "
                            "ពួកគេក៏បានប្រាប់ថា ជួនកាលជនល្មើសមិនត្រូវបានដាក់ទោស "
                            "ព្រោះរឿងត្រូវបានសម្រុះសម្រួលជាមួយគ្រួសារជនរងគ្រោះ។</p>",
                        ),
                        (
                            "legal_reference",
                            {
                                "instrument": "ច្បាប់ស្តីពីការបង្ក្រាបអំពើជួញដូរមនុស្ស និងអំពើធ្វើអាជីវកម្មផ្លូវភេទ (ឆ្នាំ២០០៨)",
                                "article": "",
                                "quotation": "",
                                "note": (
                                    "ច្បាប់កម្ពុជានេះ មានគោលបំណងបង្ក្រាបអំពើជួញដូរមនុស្ស និងអំពើធ្វើអាជីវកម្មផ្លូវភេទ "
                                    "ព្រមទាំងការពារសិទ្ធិ និងសេចក្តីថ្លៃថ្នូររបស់មនុស្ស។ ច្បាប់នេះគ្របដណ្តប់លើអំពើជាច្រើន "
                                    "រួមទាំងការជួញដូរកុមារ ពេស្យាចារកុមារ និងរូបភាពអាសអាភាសកុមារ។ "
                                    "សូមសួរអង្គភាពរបស់អ្នក ឬប៉ូលីសយុត្តិធម៌ ពីមាត្រាជាក់លាក់ដែលត្រូវអនុវត្តចំពោះករណីនីមួយៗ។"
                                ),
                            },
                        ),
                        (
                            "scenario",
                            {
                                "title": "ប្រាក់ ដើម្បីឱ្យនៅស្ងៀម",
                                "situation": (
                                    "ដារ៉ា ជាក្មេងប្រុសអាយុ ១៣ ឆ្នាំ បានប្រាប់គ្រូថា អ្នកជិតខាងម្នាក់បានរំលោភបំពានផ្លូវភេទលើខ្លួន។ "
                                    "គ្រួសារអ្នកជិតខាងនោះ ស្នើផ្តល់ប្រាក់ឱ្យឪពុកម្តាយរបស់ដារ៉ា ដើម្បី «បញ្ចប់រឿងដោយស្ងាត់ៗ»។ "
                                    "មេភូមិសុំឱ្យក្រុមប្រឹក្សាឃុំ/សង្កាត់ ជួយសម្រុះសម្រួលគ្រួសារទាំងពីរ។"
                                ),
                                "questions": [
                                    "ហេតុអ្វីបានជាករណីនេះ មិនត្រូវសម្រុះសម្រួលរវាងគ្រួសារទាំងពីរ?",
                                    "តើត្រូវជូនដំណឹងដល់នរណា ហើយត្រូវធ្វើឱ្យបានលឿនប៉ុណ្ណា?",
                                    "តើអ្នកអាចការពារដារ៉ា និងគ្រួសាររបស់គេ ពីការគំរាមកំហែង ឬការបង្ខិតបង្ខំ ដោយរបៀបណា?",
                                ],
                            },
                        ),
                        (
                            "practice",
                            {
                                "title": "នៅពេលមានគេស្នើឱ្យសម្រុះសម្រួល",
                                "do": [
                                    "រាយការណ៍បទល្មើសផ្លូវភេទលើកុមារ ទៅប៉ូលីសយុត្តិធម៌ភ្លាមៗ។",
                                    "ពន្យល់គ្រួសារថា នេះជាបទល្មើស មិនមែនជារឿងឯកជនទេ។",
                                    "ការពារកុមារ និងគ្រួសារ ពីការគំរាមកំហែង។",
                                ],
                                "dont": [
                                    "កុំធ្វើជាអ្នកសម្រុះសម្រួល រវាងគ្រួសារកុមារ និងជនសង្ស័យ។",
                                    "កុំទទួល ឬបញ្ជូនប្រាក់ ឬអំណោយណាមួយ ក្នុងករណីកុមារ។",
                                ],
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "ចំណុចសំខាន់",
                                "points": [
                                    "ការជួញដូរ និងការកេងប្រវ័ញ្ចផ្លូវភេទលើកុមារ ជាបទល្មើសធ្ងន់ធ្ងរ។",
                                    "បទល្មើសទាំងនេះ មិនអាចបញ្ចប់ដោយប្រាក់ ឬការព្រមព្រៀងរវាងគ្រួសារបានទេ។",
                                    "តួនាទីរបស់អ្នក៖ ការពារកុមារ រាយការណ៍ និងបញ្ជូនបន្ត។",
                                ],
                            },
                        ),
                    ],
                    "en": [
                        (
                            "text",
                            "<p>In 2008, Cambodia adopted the Law on Suppression of Human Trafficking and Sexual "
                            "Exploitation. The law punishes people who traffic human beings, including children, "
                            "and people who sexually exploit children.</p>"
                            "<p>In their 2013 report, Cambodian children asked the authorities to enforce this law as "
                            "effectively as possible. They also said that offenders sometimes go unpunished because "
                            "the matter is settled with the victim’s family.</p>",
                        ),
                        (
                            "legal_reference",
                            {
                                "instrument": "Law on Suppression of Human Trafficking and Sexual Exploitation (2008)",
                                "article": "",
                                "quotation": "",
                                "note": (
                                    "This Cambodian law aims to suppress human trafficking and sexual "
                                    "exploitation, and "
                                    "to protect people’s rights and dignity. It covers many acts, including the "
                                    "trafficking of children, child prostitution and child pornography. Ask your unit "
                                    "or the judicial police which articles apply to each case."
                                ),
                            },
                        ),
                        (
                            "scenario",
                            {
                                "title": "Money to keep quiet",
                                "situation": (
                                    "Dara, a 13-year-old boy, tells his teacher that a neighbour sexually abused him. "
                                    "The neighbour’s family offers money to Dara’s parents to “settle it quietly”. "
                                    "The village chief asks the commune council to help the two families agree."
                                ),
                                "questions": [
                                    "Why must this case not be settled between the two families?",
                                    "Who must be informed, and how quickly?",
                                    "How can you protect Dara and his family from threats or pressure?",
                                ],
                            },
                        ),
                        (
                            "practice",
                            {
                                "title": "When someone proposes a settlement",
                                "do": [
                                    "Report sexual offences against children to the judicial police at once.",
                                    "Explain to the family that this is a crime, not a private matter.",
                                    "Protect the child and the family from threats.",
                                ],
                                "dont": [
                                    "Do not act as a mediator between the child’s family and the suspect.",
                                    "Do not accept or pass on money or gifts in a child’s case.",
                                ],
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "Key points",
                                "points": [
                                    "Trafficking and sexual exploitation of children are serious crimes.",
                                    "They cannot be ended with money or an agreement between families.",
                                    "Your role: protect the child, report, and refer.",
                                ],
                            },
                        ),
                    ],
                },
            },
        ],
    },
    # ------------------------------------------------------------------------------------------------ Module 2
    {
        "slug": "sale-trafficking-and-sexual-exploitation",
        "number": 2,
        "title": {
            "km": "ការលក់កុមារ ការជួញដូរ និងការកេងប្រវ័ញ្ចផ្លូវភេទ៖ ស្គាល់ និងឆ្លើយតប",
            "en": "Sale of children, trafficking and sexual exploitation: recognise and respond",
        },
        "summary": {
            "km": "របៀបសង្កេតសញ្ញាព្រមាន ចាត់វិធានការដំបូងដោយសុវត្ថិភាព និងមិនបន្ទោសកុមារ។",
            "en": "How to notice the warning signs, take safe first steps, and never blame the child.",
        },
        "objectives": {
            "km": [
                "ស្គាល់សញ្ញាដែលបង្ហាញថា កុមារអាចកំពុងត្រូវគេជួញដូរ ឬកេងប្រវ័ញ្ច។",
                "ពិនិត្យកុមារដែលធ្វើដំណើរ នៅព្រំដែន និងតាមផ្លូវ ដោយប្រុងប្រយ័ត្ន។",
                "ចាត់វិធានការដំបូង ដោយដាក់សុវត្ថិភាពកុមារជាចម្បង។",
                "និយាយជាមួយកុមារ ដោយមិនបន្ទោស ឬធ្វើឱ្យកុមារខ្មាសអៀន។",
            ],
            "en": [
                "Recognise signs that a child may be trafficked or exploited.",
                "Check children travelling at borders and on the road with care.",
                "Take first steps that put the child’s safety first.",
                "Speak to the child without blame or shame.",
            ],
        },
        "audience_roles": ["police_officer", "commune_council", "ccwc_focal_point", "village_chief"],
        # Those who first see the signs in a village or at a checkpoint must be able to recognise and respond.
        "required_roles": ["police_officer", "commune_council", "ccwc_focal_point", "village_chief"],
        "estimated_minutes": 30,
        "cover_image": "border-watch",
        "lessons": [
            {
                "slug": "signs-to-notice",
                "title": {"km": "សញ្ញាដែលត្រូវសង្កេត", "en": "Signs to notice"},
                "summary": {
                    "km": "មេខ្យល់ច្រើនតែប្រើការសន្យាក្លែងក្លាយ ហើយការកេងប្រវ័ញ្ចច្រើនតែលាក់កំបាំង។",
                    "en": "Brokers often use false promises, and exploitation is often hidden.",
                },
                "body": {
                    "km": [
                        (
                            "text",
                            "<p>ក្នុងរបាយការណ៍ឆ្នាំ២០១៣ កុមារកម្ពុជាបានប្រាប់ថា មេខ្យល់បញ្ឆោតកុមារ "
                            "ដោយសន្យាផ្តល់ការងារដែលមានប្រាក់ខែខ្ពស់។ ពេស្យាចារកុមារ ច្រើនតែលាក់កំបាំងនៅក្នុងសួនស្រាបៀរ "
                            "ក្លឹបរាត្រី ខារ៉ាអូខេ ហាងកាហ្វេ និងកន្លែងម៉ាស្សា។ រូបភាពអាសអាភាសកុមារ "
                            "ត្រូវបានគេថតដោយលួចលាក់ ហើយចែកចាយតាមទូរស័ព្ទ។</p>"
                            "<p>អ្នកមិនអាចឃើញការកេងប្រវ័ញ្ចដោយផ្ទាល់ភ្នែកជានិច្ចទេ។ "
                            "ប៉ុន្តែអ្នកអាចសង្កេតឃើញសញ្ញាព្រមាន។</p>",
                        ),
                        (
                            "key_points",
                            {
                                "title": "សញ្ញាព្រមានដែលអាចមាន",
                                "points": [
                                    "កុមារធ្វើដំណើរជាមួយមនុស្សពេញវ័យ ដែលមិនមែនជាឪពុកម្តាយ ហើយមិនអាចពន្យល់ពីទំនាក់ទំនងបានច្បាស់។",
                                    "កុមារគ្មានឯកសារអត្តសញ្ញាណ ឬមនុស្សពេញវ័យជាអ្នកកាន់ឯកសាររបស់កុមារ។",
                                    "កុមារហាក់ភ័យខ្លាច ឆ្លើយដូចទន្ទេញទុក ឬមើលមុខមនុស្សពេញវ័យ មុននឹងនិយាយ។",
                                    "កុមារធ្វើការពេលយប់ នៅខារ៉ាអូខេ សួនស្រាបៀរ កន្លែងម៉ាស្សា ឬផ្ទះសំណាក់។",
                                    "កុមារមានទូរស័ព្ទថ្មី ប្រាក់ ឬអំណោយ ដែលមិនដឹងប្រភពច្បាស់លាស់។",
                                ],
                            },
                        ),
                        (
                            "practice",
                            {
                                "title": "សង្កេត ដោយមិនធ្វើឱ្យកុមារភ័យ",
                                "do": [
                                    "សង្កេតដោយស្ងាត់ៗ ហើយកត់ត្រាអ្វីដែលអ្នកឃើញ។",
                                    "មើលស្ថានការណ៍ទាំងមូល។ សញ្ញាតែមួយ មិនទាន់បញ្ជាក់ថាមានបទល្មើសទេ។",
                                    "និយាយជាមួយកុមារដោយឡែក នៅកន្លែងស្ងាត់ ពេលមានសុវត្ថិភាព។",
                                ],
                                "dont": [
                                    "កុំសួរកុមារ នៅមុខមនុស្សពេញវ័យដែលធ្វើដំណើរជាមួយ។",
                                    "កុំថតរូបកុមារ ឬបង្ហោះអំពីកុមារលើបណ្តាញសង្គម។",
                                ],
                            },
                        ),
                        (
                            "scenario",
                            {
                                "title": "ឡានតូចឆ្ពោះទៅព្រំដែន",
                                "situation": (
                                    "នៅចំណុចត្រួតពិនិត្យតាមផ្លូវ អ្នកបញ្ឈប់ឡានតូចមួយ ដែលកំពុងធ្វើដំណើរទៅព្រំដែន។ "
                                    "ក្នុងឡាន មានក្មេងស្រីបីនាក់ មើលទៅអាយុប្រហែល ១៥ ឆ្នាំ អង្គុយជាមួយស្ត្រីម្នាក់ "
                                    "ដែលប្រាប់ថា ខ្លួនជាមីងរបស់ពួកគេ។ ស្ត្រីនោះនិយាយថា "
                                    "បានរកការងារនៅភោជនីយដ្ឋានក្រៅប្រទេសឱ្យពួកគេ។ ក្មេងស្រីទាំងនោះនិយាយតិចតួចណាស់ "
                                    "ហើយគ្មាននរណាម្នាក់មានឯកសារទេ។"
                                ),
                                "questions": [
                                    "តើអ្នកសង្កេតឃើញសញ្ញាព្រមានអ្វីខ្លះ?",
                                    "តើអ្នកនឹងនិយាយជាមួយក្មេងស្រីទាំងនោះ ដោយសុវត្ថិភាពយ៉ាងដូចម្តេច?",
                                    "តើអ្នកត្រូវទាក់ទងនរណាបន្ទាប់?",
                                ],
                            },
                        ),
                    ],
                    "en": [
                        (
                            "text",
                            "<p>In their 2013 report, Cambodian children said that brokers trick children by "
                            "promising highly paid jobs. Child prostitution is often hidden in beer gardens, "
                            "nightclubs, karaoke parlours, cafés and massage parlours. Child pornography is filmed "
                            "secretly and shared on phones.</p>"
                            "<p>You will not always see exploitation with your own eyes. "
                            "But you can notice warning signs.</p>",
                        ),
                        (
                            "key_points",
                            {
                                "title": "Possible warning signs",
                                "points": [
                                    (
                                        "A child travels with an adult who is not a parent and cannot clearly "
                                        "explain the relationship."
                                    ),
                                    "The child has no identity documents, or an adult keeps the child’s documents.",
                                    (
                                        "The child seems afraid, gives answers that sound learned by heart, or "
                                        "looks at the adult before speaking."
                                    ),
                                    "A child works at night in a karaoke, beer garden, massage place or guesthouse.",
                                    "A child has a new phone, money or gifts from an unclear source.",
                                ],
                            },
                        ),
                        (
                            "practice",
                            {
                                "title": "Notice without frightening the child",
                                "do": [
                                    "Watch quietly and write down what you see.",
                                    "Look at the whole situation. One sign alone does not prove a crime.",
                                    "Talk to the child separately, in a quiet place, when it is safe.",
                                ],
                                "dont": [
                                    "Do not question the child in front of the adult travelling with them.",
                                    "Do not photograph the child or post about them on social media.",
                                ],
                            },
                        ),
                        (
                            "scenario",
                            {
                                "title": "A minibus heading for the border",
                                "situation": (
                                    "At a roadside check, you stop a minibus heading towards the border. Three girls "
                                    "who look about 15 sit with a woman who says she is their aunt. She says she has "
                                    "found them jobs in a restaurant abroad. The girls say very little, and none of "
                                    "them has any documents."
                                ),
                                "questions": [
                                    "Which warning signs do you notice?",
                                    "How would you talk with the girls safely?",
                                    "Who do you contact next?",
                                ],
                            },
                        ),
                    ],
                },
            },
            {
                "slug": "borders-and-transport",
                "title": {
                    "km": "នៅព្រំដែន ស្ថានីយឡាន និងតាមផ្លូវ",
                    "en": "At borders, bus stations and on the road",
                },
                "summary": {
                    "km": "ការត្រួតពិនិត្យរបស់អ្នក អាចជាឱកាសចុងក្រោយ ដើម្បីការពារកុមារម្នាក់។",
                    "en": "Your check may be the last chance to protect a child.",
                },
                "body": {
                    "km": [
                        (
                            "text",
                            "<p>មនុស្សជាច្រើនឆ្លងព្រំដែន ដើម្បីរកការងារ។ មិនមែនកុមារគ្រប់រូបដែលធ្វើដំណើរ "
                            "សុទ្ធតែជាជនរងគ្រោះនៃការជួញដូរនោះទេ។ ប៉ុន្តែកុមារប្រឈមនឹងហានិភ័យខ្ពស់ "
                            "នៅពេលធ្វើដំណើរដោយគ្មានឪពុកម្តាយ ធ្វើដំណើរជាមួយមេខ្យល់ ឬគ្មានឯកសារ។</p>"
                            "<p>នៅច្រកព្រំដែន និងស្ថានីយឡាន ការត្រួតពិនិត្យរបស់អ្នក អាចជាឱកាសចុងក្រោយ "
                            "ដើម្បីការពារកុមារម្នាក់។ <strong>កុំទទួលប្រាក់ ដើម្បីអនុញ្ញាតឱ្យនរណាម្នាក់ឆ្លងកាត់ឱ្យសោះ។</strong> "
                            "ប្រាក់បន្តិចបន្តួច អាចធ្វើឱ្យកុមារម្នាក់បាត់បង់សេរីភាព និងសុវត្ថិភាព។</p>",
                        ),
                        (
                            "image",
                            {
                                "image": "border-watch",
                                "alt_text": "កាតពណ៌ត្នោតក្រហម មានរូបផែនទីសាមញ្ញនៅកណ្តាល និងអក្សរថា «ប្រុងប្រយ័ត្ននៅព្រំដែន»។",
                                "caption": "កុមារដែលធ្វើដំណើរដោយគ្មានឪពុកម្តាយ ត្រូវការការយកចិត្តទុកដាក់ពិសេស។",
                            },
                        ),
                        (
                            "procedure",
                            {
                                "title": "នៅចំណុចត្រួតពិនិត្យ",
                                "style": "checklist",
                                "steps": [
                                    "តើកុមារធ្វើដំណើរជាមួយឪពុកម្តាយ ឬអាណាព្យាបាលស្របច្បាប់ឬទេ?",
                                    "តើកុមារមានឯកសារឬទេ? ហើយនរណាជាអ្នកកាន់ឯកសារនោះ?",
                                    "សួរមនុស្សពេញវ័យ និងកុមារដោយឡែកពីគ្នា ដោយប្រើសំណួរសាមញ្ញ។",
                                    "ប្រៀបធៀបចម្លើយ ដោយស្ងប់ស្ងាត់។",
                                    "បើមានការសង្ស័យ ត្រូវរក្សាកុមារឱ្យមានសុវត្ថិភាព ហើយទាក់ទងថ្នាក់លើ និងអង្គភាពប្រឆាំងការជួញដូរមនុស្ស។",
                                    "កត់ត្រាអ្វីដែលអ្នកបានឃើញ និងបានធ្វើ។",
                                ],
                            },
                        ),
                        (
                            "practice",
                            {
                                "title": "ភាពស្មោះត្រង់នៅព្រំដែន",
                                "do": [
                                    "ចាត់ទុកកុមារគ្រប់រូបដែលឆ្លងព្រំដែន ជាអ្នកដែលប្រហែលជាត្រូវការការការពារ។",
                                    "រាយការណ៍ទៅថ្នាក់លើ ពីការស្នើផ្តល់ប្រាក់ណាមួយ។",
                                ],
                                "dont": [
                                    "កុំទទួលប្រាក់ ឬអំណោយ ដើម្បីអនុញ្ញាតឱ្យនរណាម្នាក់ឆ្លងកាត់។",
                                    "កុំប្រគល់កុមារវិញ ទៅឱ្យមនុស្សដែលអ្នកសង្ស័យ។",
                                ],
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "ចំណុចសំខាន់",
                                "points": [
                                    "ការធ្វើដំណើរមិនមែនជាបទល្មើសទេ ប៉ុន្តែកុមារដែលធ្វើដំណើរដោយគ្មានឪពុកម្តាយ ត្រូវការការយកចិត្តទុកដាក់។",
                                    "សួរដោយឡែកពីគ្នា ហើយប្រៀបធៀបចម្លើយដោយស្ងប់ស្ងាត់។",
                                    "ភាពស្មោះត្រង់របស់អ្នក ការពារជីវិតកុមារ។",
                                ],
                            },
                        ),
                    ],
                    "en": [
                        (
                            "text",
                            "<p>Many people cross borders to find work. Not every child who travels is a victim of "
                            "trafficking. But children face a high risk when they travel without their parents, "
                            "with a broker, or without documents.</p>"
                            "<p>At border crossings and bus stations, your check may be the last chance to protect "
                            "a child. <strong>Never accept money to let anyone through.</strong> "
                            "A small payment can cost a child their freedom and safety.</p>",
                        ),
                        (
                            "image",
                            {
                                "image": "border-watch",
                                "alt_text": (
                                    "Reddish-brown card with a simple map symbol in the centre and the words "
                                    "“Stay alert at the border”."
                                ),
                                "caption": "Children travelling without their parents need special attention.",
                            },
                        ),
                        (
                            "procedure",
                            {
                                "title": "At the checkpoint",
                                "style": "checklist",
                                "steps": [
                                    "Is the child travelling with a parent or legal guardian?",
                                    "Does the child have documents, and who is holding them?",
                                    "Ask the adult and the child separately, with simple questions.",
                                    "Compare the answers calmly.",
                                    (
                                        "If you have concerns, keep the child safe and contact your supervisor "
                                        "and the anti-trafficking unit."
                                    ),
                                    "Write down what you saw and what you did.",
                                ],
                            },
                        ),
                        (
                            "practice",
                            {
                                "title": "Integrity at the border",
                                "do": [
                                    "Treat every child crossing the border as someone who may need protection.",
                                    "Report any offer of money to your supervisor.",
                                ],
                                "dont": [
                                    "Never accept money or gifts to let someone through.",
                                    "Do not hand the child back to a person you suspect.",
                                ],
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "Key points",
                                "points": [
                                    (
                                        "Travelling is not a crime, but children travelling without their "
                                        "parents need attention."
                                    ),
                                    "Ask separately, and compare the answers calmly.",
                                    "Your integrity protects children’s lives.",
                                ],
                            },
                        ),
                    ],
                },
            },
            {
                "slug": "first-response-safety-first",
                "title": {"km": "ការឆ្លើយតបដំបូង៖ សុវត្ថិភាពជាចម្បង", "en": "First response: safety first"},
                "summary": {
                    "km": "នៅពេលរកឃើញកុមារដែលប្រឈមនឹងគ្រោះថ្នាក់ ត្រូវធ្វើឱ្យកុមារមានសុវត្ថិភាពសិន មុននឹងសួររឿងរ៉ាវ។",
                    "en": "When you find a child at risk, make the child safe before you ask about what happened.",
                },
                "body": {
                    "km": [
                        (
                            "text",
                            "<p>ពេលដំបូងនៃការជួបគ្នា មានសារៈសំខាន់ណាស់។ កុមារអាចភ័យខ្លាច ហត់នឿយ ឃ្លាន ឬរបួស។ "
                            "កុមារខ្លះ ត្រូវមេខ្យល់ប្រាប់ថា ប៉ូលីសនឹងចាប់ខ្លួនពួកគេ។</p>"
                            "<p>ភារកិច្ចដំបូងរបស់អ្នក មិនមែនជាការស៊ើបអង្កេតទេ។ "
                            "គឺធ្វើឱ្យកុមារមានសុវត្ថិភាព និងមានអារម្មណ៍ថាមានសុវត្ថិភាព។</p>",
                        ),
                        (
                            "image",
                            {
                                "image": "safety-first",
                                "alt_text": "កាតពណ៌ក្រហមចាស់ មានរូបខែលសាមញ្ញនៅកណ្តាល និងអក្សរថា «សុវត្ថិភាពកុមារជាមុន»។",
                                "caption": "ធ្វើឱ្យកុមារមានសុវត្ថិភាព មុននឹងសួរអ្វីផ្សេង។",
                            },
                        ),
                        (
                            "procedure",
                            {
                                "title": "ជំហានដំបូង",
                                "style": "steps",
                                "steps": [
                                    "នាំកុមារចេញឆ្ងាយពីជនសង្ស័យ ទៅកន្លែងស្ងាត់ និងមានសុវត្ថិភាព។",
                                    "ពិនិត្យតម្រូវការបន្ទាន់៖ របួស ជំងឺ ឃ្លាន ឬស្រេកទឹក។ បើចាំបាច់ ត្រូវរកជំនួយផ្នែកវេជ្ជសាស្ត្រភ្លាម។",
                                    "ប្រាប់កុមារជាពាក្យសាមញ្ញថា អ្នកជានរណា ហើយកុមារមិនមានកំហុសអ្វីទេ។",
                                    "សួរកុមារថា ចង់និយាយជាមួយមន្ត្រីប្រុស ឬមន្ត្រីស្រី ហើយគោរពជម្រើសនោះតាមលទ្ធភាព។",
                                    "ជូនដំណឹងដល់ថ្នាក់លើ និងបុគ្គលបង្គោល គ.ក.ន.ក ដើម្បីរៀបចំកន្លែងស្នាក់នៅដែលមានសុវត្ថិភាព។",
                                    "ទាក់ទងឪពុកម្តាយ ឬអាណាព្យាបាល លុះត្រាតែមានសុវត្ថិភាព ព្រោះជួនកាលពួកគេអាចពាក់ព័ន្ធ។",
                                    "កត់ត្រាអ្វីដែលអ្នកបានធ្វើ និងពេលវេលា។",
                                ],
                            },
                        ),
                        (
                            "audio",
                            {
                                "title": AUDIO["first-response-briefing"]["title"]["km"],
                                "file": "first-response-briefing",
                                "transcript": (
                                    "នៅពេលអ្នករកឃើញកុមារដែលប្រឈមនឹងគ្រោះថ្នាក់ ត្រូវគិតពីសុវត្ថិភាពជាមុនសិន។ "
                                    "នាំកុមារចេញឆ្ងាយពីគ្រោះថ្នាក់ ហើយពិនិត្យមើលថា កុមារត្រូវការជំនួយផ្នែកវេជ្ជសាស្ត្រឬទេ។ "
                                    "ប្រាប់កុមារជាពាក្យសាមញ្ញថា កុមារមិនមានកំហុសអ្វីទេ។ "
                                    "បន្ទាប់មក ទាក់ទងថ្នាក់លើ និងបុគ្គលបង្គោល គ.ក.ន.ក ដើម្បីឱ្យកុមារមានកន្លែងស្នាក់នៅដែលមានសុវត្ថិភាព។"
                                ),
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "ចំណុចសំខាន់",
                                "points": [
                                    "សុវត្ថិភាពមុន ការស៊ើបអង្កេតក្រោយ។",
                                    "តម្រូវការផ្នែកវេជ្ជសាស្ត្រ គឺជារឿងបន្ទាន់។",
                                    "កុំប្រគល់កុមារទៅនរណាម្នាក់ មុនពេលពិនិត្យថាមានសុវត្ថិភាព។",
                                ],
                            },
                        ),
                    ],
                    "en": [
                        (
                            "text",
                            "<p>The first moments matter. The child may be afraid, tired, hungry or hurt. "
                            "Some children have been told by brokers that the police will arrest them.</p>"
                            "<p>Your first task is not the investigation. "
                            "It is to make the child safe, and to help the child feel safe.</p>",
                        ),
                        (
                            "image",
                            {
                                "image": "safety-first",
                                "alt_text": (
                                    "Dark red card with a simple shield symbol in the centre and the words "
                                    "“The child’s safety first”."
                                ),
                                "caption": "Make the child safe before you ask anything else.",
                            },
                        ),
                        (
                            "procedure",
                            {
                                "title": "First steps",
                                "style": "steps",
                                "steps": [
                                    "Move the child away from the suspect to a quiet, safe place.",
                                    (
                                        "Check urgent needs: injury, illness, hunger or thirst. Get medical "
                                        "help at once if needed."
                                    ),
                                    (
                                        "Tell the child in simple words who you are, and that the child has "
                                        "done nothing wrong."
                                    ),
                                    (
                                        "Ask whether the child would rather talk with a male or a female "
                                        "officer, and respect that choice where possible."
                                    ),
                                    "Inform your supervisor and the CCWC focal point, to arrange a safe place to stay.",
                                    (
                                        "Contact the parents or guardians only if it is safe, because "
                                        "sometimes they may be involved."
                                    ),
                                    "Write down what you did, and when.",
                                ],
                            },
                        ),
                        (
                            "audio",
                            {
                                "title": AUDIO["first-response-briefing"]["title"]["en"],
                                "file": "first-response-briefing",
                                "transcript": (
                                    "When you find a child at risk, think about safety first. "
                                    "Move the child away from danger and check whether the child needs medical help. "
                                    "Tell the child in simple words that they have done nothing wrong. "
                                    "Then contact your supervisor and the CCWC focal point, so that the child has a "
                                    "safe place to stay."
                                ),
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "Key points",
                                "points": [
                                    "Safety first, investigation after.",
                                    "Medical needs are urgent.",
                                    "Do not hand the child to anyone before checking that it is safe.",
                                ],
                            },
                        ),
                    ],
                },
            },
            {
                "slug": "the-child-is-not-to-blame",
                "title": {"km": "កុមារមិនមែនជាអ្នកខុសទេ", "en": "The child is not to blame"},
                "summary": {
                    "km": "កុមារដែលត្រូវគេលក់ ឬកេងប្រវ័ញ្ចផ្លូវភេទ ជាជនរងគ្រោះ ទោះបីកុមារបាន «យល់ព្រម» ក៏ដោយ។",
                    "en": "A child who is sold or sexually exploited is a victim, even if the child “agreed”.",
                },
                "body": {
                    "km": [
                        (
                            "text",
                            "<p>កុមារដែលត្រូវគេលក់ ឬកេងប្រវ័ញ្ចផ្លូវភេទ គឺជា<strong>ជនរងគ្រោះ</strong>។ "
                            "នេះជាការពិត ទោះបីកុមារបានទៅដោយខ្លួនឯង បាននិយាយថាយល់ព្រម ឬបានទទួលប្រាក់ក៏ដោយ។</p>"
                            "<p>កុំចាប់ខ្លួន ដាក់ទោស ឬធ្វើឱ្យកុមារខ្មាសអៀន ព្រោះតែកុមាររងការកេងប្រវ័ញ្ច។ "
                            "ពាក្យសម្តីមានសារៈសំខាន់៖ កុំហៅកុមារថា «ស្រីរកស៊ី»។ "
                            "ត្រូវនិយាយថា «កុមាររងការកេងប្រវ័ញ្ចផ្លូវភេទ»។</p>",
                        ),
                        (
                            "legal_reference",
                            {
                                "instrument": _UNCRC["km"],
                                "article": "៣៤",
                                "quotation": (
                                    "រដ្ឋភាគីទាំងឡាយ សន្យាការពារកុមារពីគ្រប់ទម្រង់នៃការកេងប្រវ័ញ្ចផ្លូវភេទ និងការរំលោភបំពានផ្លូវភេទ។"
                                ),
                                "status": "working",
                                "source": _CRC_SOURCE["km"],
                                "note": (
                                    "ការការពារកុមារពីការកេងប្រវ័ញ្ច គឺជាកាតព្វកិច្ចរបស់រដ្ឋ។ "
                                    "កុមារដែលរងការកេងប្រវ័ញ្ច ត្រូវការការការពារ មិនមែនការដាក់ទោសទេ។"
                                ),
                            },
                        ),
                        (
                            "practice",
                            {
                                "title": "ពាក្យដែលគួរនិយាយ និងមិនគួរនិយាយ",
                                "do": [
                                    "និយាយថា៖ «នេះមិនមែនជាកំហុសរបស់ប្អូនទេ។»",
                                    "និយាយថា៖ «ប្អូនបានធ្វើត្រូវហើយ ដែលបានប្រាប់បង។»",
                                    "ហៅកុមារតាមឈ្មោះ ហើយនិយាយដោយសំឡេងស្ងប់។",
                                ],
                                "dont": [
                                    "កុំសួរថា៖ «ហេតុអ្វីក៏ប្អូនទៅតាមគេ?»",
                                    "កុំហៅកុមារថា «ស្រីរកស៊ី» ឬប្រើពាក្យប្រមាថ។",
                                    "កុំឃុំខ្លួនកុមារ ដូចជាជនល្មើស។",
                                ],
                            },
                        ),
                        (
                            "scenario",
                            {
                                "title": "ប្រតិបត្តិការនៅហាងខារ៉ាអូខេ",
                                "situation": (
                                    "ក្នុងប្រតិបត្តិការមួយនៅហាងខារ៉ាអូខេ មន្ត្រីប៉ូលីសបានជួបសុខា ដែលកំពុងធ្វើការនៅទីនោះ។ "
                                    "នាងមើលទៅអាយុប្រហែល ១៦ ឆ្នាំ ប៉ុន្តែនាងប្រាប់ថា អាយុ ១៩ ឆ្នាំ "
                                    "ហើយជ្រើសរើសការងារនេះដោយខ្លួនឯង។ មន្ត្រីម្នាក់ហៅនាងថា «គ្រាន់តែជាស្រីបម្រើស្រា» "
                                    "ហើយចង់ពិន័យនាង។"
                                ),
                                "questions": [
                                    "តើសុខាគួរត្រូវបានប្រព្រឹត្តយ៉ាងដូចម្តេច ខណៈពេលកំពុងពិនិត្យអាយុរបស់នាង?",
                                    "តើពាក្យអ្វីខ្លះ អាចជួយឱ្យនាងមានអារម្មណ៍ថាមានសុវត្ថិភាព?",
                                    "តើនរណាខ្លះ ត្រូវទទួលខុសត្រូវចំពោះស្ថានការណ៍នេះ?",
                                ],
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "ចំណុចសំខាន់",
                                "points": [
                                    "កុមារដែលរងការកេងប្រវ័ញ្ច ជាជនរងគ្រោះជានិច្ច។",
                                    "ការ «យល់ព្រម» របស់កុមារ មិនធ្វើឱ្យការកេងប្រវ័ញ្ចក្លាយជារឿងត្រឹមត្រូវឡើយ។",
                                    "ត្រូវផ្តោតលើអ្នកកេងប្រវ័ញ្ច មិនមែនលើកុមារទេ។",
                                ],
                            },
                        ),
                    ],
                    "en": [
                        (
                            "text",
                            "<p>A child who is sold or sexually exploited is a <strong>victim</strong>. "
                            "This is true even if the child went willingly, said they agreed, or received money.</p>"
                            "<p>Never arrest, punish or shame a child for being exploited. "
                            "Words matter: do not call a child a “prostitute”. "
                            "Say “a child who has been sexually exploited”.</p>",
                        ),
                        (
                            "legal_reference",
                            {
                                "instrument": _UNCRC["en"],
                                "article": "34",
                                "quotation": (
                                    "States Parties undertake to protect the child from all forms of sexual "
                                    "exploitation and sexual abuse."
                                ),
                                "status": "official",
                                "source": _CRC_SOURCE["en"],
                                "note": (
                                    "Protecting children from exploitation is a duty of the State. "
                                    "An exploited child needs protection, not punishment."
                                ),
                            },
                        ),
                        (
                            "practice",
                            {
                                "title": "Words to use and words to avoid",
                                "do": [
                                    "Say: “This is not your fault.”",
                                    "Say: “You did the right thing by telling me.”",
                                    "Call the child by name, and speak in a calm voice.",
                                ],
                                "dont": [
                                    "Do not ask: “Why did you go with him?”",
                                    "Do not call the child a “prostitute” or use insulting words.",
                                    "Do not detain the child as if they were an offender.",
                                ],
                            },
                        ),
                        (
                            "scenario",
                            {
                                "title": "An operation at a karaoke bar",
                                "situation": (
                                    "During an operation at a karaoke bar, officers find Sokha working "
                                    "there. She looks "
                                    "about 16, but she says she is 19 and chose this work herself. One "
                                    "officer calls her "
                                    "“just a beer girl” and wants to fine her."
                                ),
                                "questions": [
                                    "How should Sokha be treated while her age is being checked?",
                                    "What words could help her feel safe?",
                                    "Who should be held responsible for this situation?",
                                ],
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "Key points",
                                "points": [
                                    "An exploited child is always a victim.",
                                    "A child’s “consent” never makes exploitation acceptable.",
                                    "Focus on the exploiters, not on the child.",
                                ],
                            },
                        ),
                    ],
                },
            },
        ],
    },
    # ------------------------------------------------------------------------------------------------ Module 3
    {
        "slug": "child-friendly-interviewing",
        "number": 3,
        "title": {
            "km": "ការសម្ភាសកុមាររងគ្រោះ និងកុមារសាក្សី តាមបែបកុមារមេត្រី",
            "en": "Child-friendly interviewing of victims and witnesses",
        },
        "summary": {
            "km": "របៀបរៀបចំ និងធ្វើសម្ភាសន៍ជាមួយកុមារ ដោយការពារទាំងកុមារ និងភស្តុតាង។",
            "en": (
                "How to prepare and conduct an interview with a child in a way that protects both the child "
                "and the evidence."
            ),
        },
        "objectives": {
            "km": [
                "រៀបចំកន្លែងស្ងាត់ និងមានសុវត្ថិភាព ដោយមានមនុស្សពេញវ័យដែលកុមារទុកចិត្តនៅជាមួយ។",
                "ពន្យល់ដំណើរការសម្ភាសន៍ ជាពាក្យដែលកុមារយល់។",
                "សួរសំណួរបើកចំហ ដោយមិនណែនាំចម្លើយ។",
                "រៀបចំឱ្យកុមារត្រូវសម្ភាសតែម្តង ហើយរក្សាព័ត៌មានជាការសម្ងាត់។",
            ],
            "en": [
                "Prepare a quiet, safe place, with a trusted adult present.",
                "Explain the interview in words a child understands.",
                "Ask open questions, without leading the child.",
                "Arrange for the child to be interviewed only once, and keep the information confidential.",
            ],
        },
        "audience_roles": ["police_officer", "ccwc_focal_point"],
        # Interviewing is police and CCWC work: council members and others may take it, but are not required to.
        "required_roles": ["police_officer", "ccwc_focal_point"],
        "estimated_minutes": 35,
        "cover_image": "safe-room",
        "lessons": [
            {
                "slug": "before-the-interview",
                "title": {"km": "មុនពេលសម្ភាសន៍", "en": "Before the interview"},
                "summary": {
                    "km": "ការរៀបចំល្អ ជួយឱ្យកុមារមានអារម្មណ៍ស្ងប់ និងហ៊ាននិយាយ។",
                    "en": "Good preparation helps the child feel calm and able to speak.",
                },
                "body": {
                    "km": [
                        (
                            "text",
                            "<p>កុមារដែលភ័យខ្លាច ចងចាំរឿងរ៉ាវបានតិច ហើយអាចនិយាយតាមអ្វីដែលគេគិតថា "
                            "មនុស្សពេញវ័យចង់ឮ។ សម្ភាសន៍ដែលរៀបចំបានល្អ ការពារកុមារ "
                            "និងធ្វើឱ្យភស្តុតាងកាន់តែរឹងមាំ។</p>",
                        ),
                        (
                            "procedure",
                            {
                                "title": "បញ្ជីត្រួតពិនិត្យមុនសម្ភាសន៍",
                                "style": "checklist",
                                "steps": [
                                    "បន្ទប់ស្ងាត់ និងឯកជន មិនមែនបន្ទប់ឃុំខ្លួន ឬការិយាល័យដែលមានមនុស្សច្រើនទេ។",
                                    (
                                        "មនុស្សពេញវ័យដែលកុមារទុកចិត្ត (ឪពុកម្តាយ សាច់ញាតិ បុគ្គលិកសង្គមកិច្ច ឬបុគ្គលបង្គោល គ.ក.ន.ក) "
                                        "ដែលមិនមែនជាជនសង្ស័យ។"
                                    ),
                                    "សួរកុមារថា ចង់និយាយជាមួយមន្ត្រីប្រុស ឬមន្ត្រីស្រី។",
                                    "អ្នកបកប្រែ បើកុមារនិយាយភាសាផ្សេង។",
                                    "ទឹកផឹក ពេលសម្រាក និងបង្គន់នៅជិត។",
                                    "ស្លៀកពាក់ស៊ីវិល បើអាចធ្វើបាន ហើយមិនយកអាវុធចូលក្នុងបន្ទប់។",
                                    "ព្រមព្រៀងគ្នាជាមុន ថានរណាជាអ្នកសួរ ដើម្បីឱ្យកុមារត្រូវសម្ភាសតែម្តង។",
                                ],
                            },
                        ),
                        (
                            "image",
                            {
                                "image": "safe-room",
                                "alt_text": "កាតពណ៌ខៀវ មានរូបផ្ទះសាមញ្ញនៅកណ្តាល និងអក្សរថា «កន្លែងស្ងាត់ និងមានសុវត្ថិភាព»។",
                                "caption": "បន្ទប់សម្ភាសន៍ ត្រូវស្ងាត់ ឯកជន និងរួសរាយ។",
                            },
                        ),
                        (
                            "practice",
                            {
                                "title": "ការរៀបចំបន្ទប់",
                                "do": [
                                    "អង្គុយកម្រិតដូចកុមារ មិនមែនអង្គុយពីក្រោយតុធំទេ។",
                                    "បិទទូរស័ព្ទ ហើយកុំឱ្យអ្នកណាចូលរំខាន។",
                                    "ទុកពេលឱ្យកុមារស្គាល់អ្នកបន្តិចសិន។",
                                ],
                                "dont": [
                                    "កុំសម្ភាសកុមារ នៅមុខជនសង្ស័យ ឬក្រុមគ្រួសាររបស់ជនសង្ស័យ។",
                                    "កុំឱ្យមានមនុស្សច្រើនពេក នៅក្នុងបន្ទប់។",
                                ],
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "ចំណុចសំខាន់",
                                "points": [
                                    "កន្លែងស្ងាត់ មនុស្សពេញវ័យដែលកុមារទុកចិត្ត និងពេលវេលាគ្រប់គ្រាន់។",
                                    "រៀបចំជាមួយអ្នកពាក់ព័ន្ធ ដើម្បីឱ្យមានសម្ភាសន៍តែម្តង។",
                                    "សុខុមាលភាពកុមារ សំខាន់ជាងការបញ្ចប់សម្ភាសន៍ឱ្យបានលឿន។",
                                ],
                            },
                        ),
                    ],
                    "en": [
                        (
                            "text",
                            "<p>A frightened child remembers less, and may say what they think the adult wants to "
                            "hear. A well-prepared interview protects the child and makes the evidence stronger.</p>",
                        ),
                        (
                            "procedure",
                            {
                                "title": "Checklist before the interview",
                                "style": "checklist",
                                "steps": [
                                    "A quiet, private room: not a cell or a busy office.",
                                    (
                                        "A trusted adult (parent, relative, social worker or CCWC focal point) "
                                        "who is not a suspect."
                                    ),
                                    "Ask the child whether they would rather talk with a male or a female officer.",
                                    "An interpreter, if the child speaks another language.",
                                    "Drinking water, time for breaks, and a toilet nearby.",
                                    "Plain clothes if possible, and no weapons in the room.",
                                    (
                                        "Agree in advance who will ask the questions, so the child is "
                                        "interviewed only once."
                                    ),
                                ],
                            },
                        ),
                        (
                            "image",
                            {
                                "image": "safe-room",
                                "alt_text": (
                                    "Blue card with a simple house symbol in the centre and the words “A "
                                    "quiet, safe place”."
                                ),
                                "caption": "The interview room should be quiet, private and welcoming.",
                            },
                        ),
                        (
                            "practice",
                            {
                                "title": "Setting up the room",
                                "do": [
                                    "Sit at the child’s level, not behind a big desk.",
                                    "Switch off phones and do not let anyone interrupt.",
                                    "Give the child a little time to get to know you.",
                                ],
                                "dont": [
                                    "Do not interview the child in front of the suspect or the suspect’s family.",
                                    "Do not have too many people in the room.",
                                ],
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "Key points",
                                "points": [
                                    "A quiet place, a trusted adult and enough time.",
                                    "Plan with everyone involved, so that there is only one interview.",
                                    "The child’s well-being matters more than finishing quickly.",
                                ],
                            },
                        ),
                    ],
                },
            },
            {
                "slug": "explain-in-simple-words",
                "title": {"km": "ពន្យល់ជាពាក្យដែលកុមារយល់", "en": "Explain in words a child understands"},
                "summary": {
                    "km": "កុមារត្រូវដឹងថា អ្នកជានរណា អ្វីនឹងកើតឡើង ហើយកុមារអាចនិយាយថា «មិនដឹង» បាន។",
                    "en": (
                        "The child needs to know who you are, what will happen, and that it is fine to say “I "
                        "don’t know”."
                    ),
                },
                "body": {
                    "km": [
                        (
                            "text",
                            "<p>ចាប់ផ្តើមដោយណែនាំខ្លួន។ ពន្យល់ថា ហេតុអ្វីបានជាអ្នកនិយាយជាមួយកុមារ "
                            "និងអ្វីដែលនឹងកើតឡើងបន្ទាប់។</p>"
                            "<p>ប្រាប់កុមារថា៖</p>"
                            "<ul>"
                            "<li>កុមារអាចនិយាយថា «ខ្ញុំមិនដឹង» ឬ «ខ្ញុំមិនយល់»។</li>"
                            "<li>កុមារអាចសុំសម្រាកបានគ្រប់ពេល។</li>"
                            "<li>កុមារមិនមានកំហុសអ្វីទេ។</li>"
                            "</ul>"
                            "<p>ប្រើប្រយោគខ្លីៗ និងពាក្យប្រចាំថ្ងៃ។ បើកុមារនិយាយភាសាផ្សេង ត្រូវរកអ្នកបកប្រែ។</p>",
                        ),
                        (
                            "audio",
                            {
                                "title": AUDIO["explaining-the-interview"]["title"]["km"],
                                "file": "explaining-the-interview",
                                "transcript": (
                                    "សួស្តីប្អូន បងឈ្មោះវណ្ណា ហើយការងាររបស់បង គឺជួយការពារកុមារ។ "
                                    "ប្អូនមិនមានកំហុសអ្វីទេ ហើយមីងរបស់ប្អូនអាចអង្គុយនៅទីនេះជាមួយប្អូនបាន។ "
                                    "បើប្អូនមិនដឹងចម្លើយ ប្អូនអាចនិយាយថា «ខ្ញុំមិនដឹង» ហើយប្អូនអាចសុំសម្រាកបានគ្រប់ពេល។"
                                ),
                            },
                        ),
                        (
                            "image",
                            {
                                "image": "trusted-adult",
                                "alt_text": (
                                    "កាតពណ៌បៃតង មានរូបមនុស្សពីរនាក់ ធំមួយ តូចមួយ និងអក្សរថា «មនុស្សពេញវ័យដែលកុមារទុកចិត្ត នៅជាមួយកុមារ»។"
                                ),
                                "caption": "កុមារមិនគួរនៅម្នាក់ឯង ជាមួយមន្ត្រីដែលខ្លួនមិនស្គាល់ទេ។",
                            },
                        ),
                        (
                            "practice",
                            {
                                "title": "ពាក្យសាមញ្ញ",
                                "do": [
                                    "សួរម្តងមួយសំណួរ ដោយប្រើប្រយោគខ្លី។",
                                    "ពិនិត្យថាកុមារយល់៖ «តើប្អូនអាចប្រាប់បងវិញ តាមពាក្យរបស់ប្អូនបានទេ?»",
                                    "ទុកឱ្យកុមារប្រើពាក្យរបស់ខ្លួន ដើម្បីនិយាយពីរាងកាយ និងព្រឹត្តិការណ៍។",
                                ],
                                "dont": [
                                    "កុំប្រើពាក្យច្បាប់ ដូចជា «ដើមបណ្តឹង» ឬ «អំពើអនាចារ»។",
                                    "កុំសួរពីរសំណួរក្នុងពេលតែមួយ។",
                                    "កុំប្រញាប់ ឬបង្ហាញការអន្ទះសារ។",
                                ],
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "ចំណុចសំខាន់",
                                "points": [
                                    "ណែនាំខ្លួន ពន្យល់ និងផ្តល់ទំនុកចិត្ត។",
                                    "«ខ្ញុំមិនដឹង» ជាចម្លើយដែលអាចទទួលយកបាន។",
                                    "ពាក្យសាមញ្ញ ប្រយោគខ្លី និងម្តងមួយសំណួរ។",
                                ],
                            },
                        ),
                    ],
                    "en": [
                        (
                            "text",
                            "<p>Start by introducing yourself. Explain why you are talking with the child, "
                            "and what will happen next.</p>"
                            "<p>Tell the child that:</p>"
                            "<ul>"
                            "<li>they can say “I don’t know” or “I don’t understand”;</li>"
                            "<li>they can ask for a break at any time;</li>"
                            "<li>they have done nothing wrong.</li>"
                            "</ul>"
                            "<p>Use short sentences and everyday words. If the child speaks another language, "
                            "find an interpreter.</p>",
                        ),
                        (
                            "audio",
                            {
                                "title": AUDIO["explaining-the-interview"]["title"]["en"],
                                "file": "explaining-the-interview",
                                "transcript": (
                                    "Hello, my name is Vanna, and my job is to help keep children safe. "
                                    "You have done nothing wrong, and your aunt can sit here with you. "
                                    "If you don’t know an answer, you can say “I don’t know”, and you can ask for a "
                                    "break at any time."
                                ),
                            },
                        ),
                        (
                            "image",
                            {
                                "image": "trusted-adult",
                                "alt_text": (
                                    "Green card with two simple figures, one tall and one small, and the words "
                                    "“A trusted adult stays with the child”."
                                ),
                                "caption": "A child should not be left alone with officials they do not know.",
                            },
                        ),
                        (
                            "practice",
                            {
                                "title": "Simple words",
                                "do": [
                                    "Ask one question at a time, in short sentences.",
                                    "Check understanding: “Can you tell me again, in your own words?”",
                                    "Let the child use their own words for body parts and events.",
                                ],
                                "dont": [
                                    "Do not use legal words such as “complainant” or “indecent act”.",
                                    "Do not ask two questions at once.",
                                    "Do not rush or show impatience.",
                                ],
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "Key points",
                                "points": [
                                    "Introduce yourself, explain, and reassure.",
                                    "“I don’t know” is an acceptable answer.",
                                    "Simple words, short sentences, one question at a time.",
                                ],
                            },
                        ),
                    ],
                },
            },
            {
                "slug": "asking-without-leading",
                "title": {"km": "សួរសំណួរ ដោយមិនណែនាំចម្លើយ", "en": "Asking questions without leading"},
                "summary": {
                    "km": "សំណួរបើកចំហ ឱ្យកុមារប្រាប់រឿងរ៉ាវ តាមពាក្យរបស់ខ្លួន។",
                    "en": "Open questions let the child tell what happened in their own words.",
                },
                "body": {
                    "km": [
                        (
                            "text",
                            "<p><strong>សំណួរបើកចំហ</strong> ឱ្យកុមារប្រាប់រឿងរ៉ាវដោយសេរី ឧទាហរណ៍៖ "
                            "«ប្រាប់បងពីអ្វីដែលបានកើតឡើង»។</p>"
                            "<p><strong>សំណួរណែនាំចម្លើយ</strong> ដាក់ចម្លើយក្នុងមាត់កុមារ ឧទាហរណ៍៖ "
                            "«គាត់ប៉ះប្អូន មែនទេ?»។ កុមារច្រើនតែយល់ព្រមតាមមនុស្សពេញវ័យ ទោះបីវាមិនពិតក៏ដោយ។ "
                            "ចម្លើយបែបនេះ អាចធ្វើឱ្យករណីចុះខ្សោយនៅតុលាការ។</p>",
                        ),
                        (
                            "key_points",
                            {
                                "title": "សំណួរបើកចំហល្អៗ",
                                "points": [
                                    "«ប្រាប់បងពីអ្វីដែលបានកើតឡើង។»",
                                    "«បន្ទាប់មក មានអ្វីកើតឡើងទៀត?»",
                                    "«ប្អូននិយាយថា ... ប្រាប់បងបន្ថែមពីរឿងនោះបន្តិចមើល។»",
                                    "«ពេលនោះ ប្អូននៅឯណា?»",
                                ],
                            },
                        ),
                        (
                            "practice",
                            {
                                "title": "ការសួរសំណួរ",
                                "do": [
                                    "ចាប់ផ្តើមដោយសំណួរបើកចំហ។",
                                    "ស្តាប់ឱ្យចប់ ហើយទុកពេលស្ងាត់ ឱ្យកុមារគិត។",
                                    "កត់ត្រាពាក្យពិតៗរបស់កុមារ។",
                                ],
                                "dont": [
                                    "កុំសួរសំណួរ ដែលមានចម្លើយស្រាប់ក្នុងសំណួរ។",
                                    "កុំសួរសំណួរដដែលៗ ម្តងហើយម្តងទៀត ដូចជាមិនជឿកុមារ។",
                                    "កុំសន្យាអ្វីដែលអ្នកមិនអាចធ្វើបាន ដូចជា «ប្អូននឹងមិនចាំបាច់ទៅតុលាការទេ»។",
                                ],
                            },
                        ),
                        (
                            "scenario",
                            {
                                "title": "សម្ភាសន៍ជាមួយចន្ធី",
                                "situation": (
                                    "ចន្ធី អាយុ ៩ ឆ្នាំ បានប្រាប់គ្រូថា បុរសម្នាក់នៅផ្សារ បានឱ្យលុយនាង ហើយប៉ះពាល់នាង។ "
                                    "ក្នុងពេលសម្ភាសន៍ មន្ត្រីប៉ូលីសសួរថា៖ «បុរសនោះប៉ះប្អូន មែនទេ? "
                                    "គឺបុរសដែលជិះម៉ូតូក្រហមនោះ ត្រូវទេ?» ចន្ធីងក់ក្បាល ហើយចាប់ផ្តើមយំ។"
                                ),
                                "questions": [
                                    "តើសំណួររបស់មន្ត្រីនោះ មានបញ្ហាអ្វី?",
                                    "តើមន្ត្រីនោះគួរសួរយ៉ាងដូចម្តេចវិញ?",
                                    "តើមន្ត្រីនោះគួរធ្វើអ្វី នៅពេលចន្ធីចាប់ផ្តើមយំ?",
                                ],
                            },
                        ),
                        (
                            "video",
                            {
                                "title": VIDEO["child-friendly-interview"]["title"]["km"],
                                "file": "child-friendly-interview",
                                "caption": "វីដេអូខ្លី រំលឹកជំហានសំខាន់ៗនៃសម្ភាសន៍តាមបែបកុមារមេត្រី។",
                            },
                        ),
                    ],
                    "en": [
                        (
                            "text",
                            "<p><strong>Open questions</strong> let the child tell the story freely, for example: "
                            "“Tell me what happened.”</p>"
                            "<p><strong>Leading questions</strong> put the answer in the child’s mouth, for example: "
                            "“He touched you, didn’t he?” Children often agree with adults, even when it is not true. "
                            "Answers like this can weaken the case in court.</p>",
                        ),
                        (
                            "key_points",
                            {
                                "title": "Good open questions",
                                "points": [
                                    "“Tell me what happened.”",
                                    "“What happened next?”",
                                    "“You said ... Tell me a bit more about that.”",
                                    "“Where were you at that moment?”",
                                ],
                            },
                        ),
                        (
                            "practice",
                            {
                                "title": "Questioning",
                                "do": [
                                    "Start with open questions.",
                                    "Listen to the end, and allow silence so the child can think.",
                                    "Write down the child’s exact words.",
                                ],
                                "dont": [
                                    "Do not ask questions that contain the answer.",
                                    "Do not ask the same question again and again, as if you do not believe the child.",
                                    (
                                        "Do not promise what you cannot keep, such as “You will never have to "
                                        "go to court.”"
                                    ),
                                ],
                            },
                        ),
                        (
                            "scenario",
                            {
                                "title": "Interviewing Chanthy",
                                "situation": (
                                    "Chanthy, 9, told her teacher that a man at the market gave her money and touched "
                                    "her. In the interview, the officer asks: “The man touched you, yes? "
                                    "It was the man "
                                    "with the red motorbike, right?” Chanthy nods and starts to cry."
                                ),
                                "questions": [
                                    "What is wrong with the officer’s questions?",
                                    "How could the officer ask instead?",
                                    "What should the officer do when Chanthy starts to cry?",
                                ],
                            },
                        ),
                        (
                            "video",
                            {
                                "title": VIDEO["child-friendly-interview"]["title"]["en"],
                                "file": "child-friendly-interview",
                                "caption": "A short video recalling the key steps of a child-friendly interview.",
                            },
                        ),
                    ],
                },
            },
            {
                "slug": "one-interview-privacy-confidentiality",
                "title": {
                    "km": "សម្ភាសន៍តែម្តង ឯកជនភាព និងការរក្សាការសម្ងាត់",
                    "en": "One interview, privacy and confidentiality",
                },
                "summary": {
                    "km": "កុមារគួរប្រាប់រឿងរ៉ាវរបស់ខ្លួនតែម្តង ហើយព័ត៌មានរបស់កុមារ ត្រូវរក្សាជាការសម្ងាត់។",
                    "en": (
                        "A child should tell their story only once, and the child’s information must be kept "
                        "confidential."
                    ),
                },
                "body": {
                    "km": [
                        (
                            "text",
                            "<p>រាល់ពេលដែលកុមារនិយាយរឿងឈឺចាប់ម្តងទៀត កុមារហាក់ដូចជារងទុក្ខម្តងទៀត។ "
                            "ដូច្នេះ ត្រូវសម្របសម្រួលជាមួយអ្នកពាក់ព័ន្ធ ដើម្បីឱ្យកុមារប្រាប់រឿងរ៉ាវតែម្តង "
                            "ទៅកាន់មន្ត្រីដែលបានទទួលការបណ្តុះបណ្តាល។ កត់ត្រាឱ្យបានល្អ ដើម្បីឱ្យអ្នកផ្សេងអាចប្រើកំណត់ត្រានោះ "
                            "ដោយមិនចាំបាច់សួរកុមារម្តងទៀត។</p>"
                            "<p><strong>ឯកជនភាព៖</strong> ឈ្មោះ រូបថត សាលារៀន និងភូមិរបស់កុមារ មិនត្រូវផ្សព្វផ្សាយឡើយ។ "
                            "ចែករំលែកព័ត៌មាន តែជាមួយអ្នកដែលត្រូវការវា សម្រាប់ករណី ឬសម្រាប់ការថែទាំកុមារប៉ុណ្ណោះ។</p>",
                        ),
                        (
                            "procedure",
                            {
                                "title": "សម្ភាសន៍តែម្តង ជាជំហានៗ",
                                "style": "steps",
                                "steps": [
                                    "មុនសម្ភាសន៍៖ ប្រជុំខ្លីជាមួយប៉ូលីសយុត្តិធម៌ បុគ្គលិកសង្គមកិច្ច និងអ្នកពាក់ព័ន្ធ ដើម្បីព្រមព្រៀងលើសំណួរដែលត្រូវការ។",
                                    "ក្នុងពេលសម្ភាសន៍៖ មន្ត្រីម្នាក់ជាអ្នកសួរ អ្នកផ្សេងស្តាប់ និងកត់ត្រា។",
                                    "កត់ត្រាពាក្យរបស់កុមារ ឱ្យបានពេញលេញ និងត្រឹមត្រូវ។",
                                    "បន្ទាប់ពីសម្ភាសន៍៖ អរគុណកុមារ ហើយប្រាប់ពីអ្វីដែលនឹងកើតឡើងបន្ទាប់។",
                                    "ចែកកំណត់ត្រា តែជាមួយអ្នកដែលត្រូវការ ជំនួសឱ្យការសួរកុមារម្តងទៀត។",
                                ],
                            },
                        ),
                        (
                            "practice",
                            {
                                "title": "ការរក្សាការសម្ងាត់",
                                "do": [
                                    "ទុកឯកសារ នៅក្នុងទូចាក់សោ។",
                                    "ប្រើលេខករណី ឬអក្សរកាត់ឈ្មោះ ក្នុងរបាយការណ៍ដែលចែកចាយទូលំទូលាយ។",
                                ],
                                "dont": [
                                    "កុំផ្តល់ឈ្មោះ រូបថត ឬភូមិរបស់កុមារ ដល់អ្នកសារព័ត៌មាន។",
                                    "កុំបង្ហោះអំពីករណីនេះ លើហ្វេសប៊ុក ឬក្នុងក្រុមឆាត។",
                                    "កុំនិយាយពីករណីនេះ នៅហាងកាហ្វេ ឬនៅផ្សារ។",
                                ],
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "ចំណុចសំខាន់",
                                "points": [
                                    "សម្ភាសន៍តែម្តង ហើយកត់ត្រាឱ្យបានល្អ។",
                                    "ចែករំលែកព័ត៌មានកុមារ តែនៅពេលចាំបាច់ពិតប្រាកដប៉ុណ្ណោះ។",
                                    "ការបែកធ្លាយព័ត៌មាន អាចធ្វើឱ្យកុមារប្រឈមនឹងគ្រោះថ្នាក់ និងការមាក់ងាយ។",
                                ],
                            },
                        ),
                    ],
                    "en": [
                        (
                            "text",
                            "<p>Each time a child retells a painful story, it is as if they suffer it again. "
                            "So coordinate with everyone involved, so that the child tells the story only once, "
                            "to a trained officer. Record it well, so that others can use the record without asking "
                            "the child again.</p>"
                            "<p><strong>Privacy:</strong> the child’s name, photo, school and village must never be "
                            "made public. Share information only with those who need it for the case or for the "
                            "child’s care.</p>",
                        ),
                        (
                            "procedure",
                            {
                                "title": "One interview, step by step",
                                "style": "steps",
                                "steps": [
                                    (
                                        "Before the interview: meet briefly with the judicial police, the "
                                        "social worker and others involved to agree on the questions needed."
                                    ),
                                    "During the interview: one officer asks, the others listen and take notes.",
                                    "Record the child’s words fully and accurately.",
                                    "After the interview: thank the child and explain what will happen next.",
                                    "Share the record only with those who need it, instead of asking the child again.",
                                ],
                            },
                        ),
                        (
                            "practice",
                            {
                                "title": "Keeping information confidential",
                                "do": [
                                    "Keep files in a locked cabinet.",
                                    "Use a case number or initials in reports that are shared widely.",
                                ],
                                "dont": [
                                    "Never give the child’s name, photo or village to journalists.",
                                    "Do not post about the case on Facebook or in chat groups.",
                                    "Do not talk about the case in cafés or at the market.",
                                ],
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "Key points",
                                "points": [
                                    "One interview, recorded well.",
                                    "Share a child’s information only when it is truly needed.",
                                    "A leak can expose the child to danger and stigma.",
                                ],
                            },
                        ),
                    ],
                },
            },
        ],
    },
    # ------------------------------------------------------------------------------------------------ Module 4
    {
        "slug": "children-in-conflict-with-the-law",
        "number": 4,
        "title": {"km": "កុមារប៉ះទង្គិចនឹងច្បាប់", "en": "Children in conflict with the law"},
        "summary": {
            "km": "កុមារដែលត្រូវសង្ស័យថាប្រព្រឹត្តបទល្មើស នៅតែជាកុមារ ហើយត្រូវទទួលការប្រព្រឹត្ត ដោយគិតពីឧត្តមប្រយោជន៍របស់ខ្លួន។",
            "en": "A child suspected of an offence is still a child, and must be treated in their best interests.",
        },
        "objectives": {
            "km": [
                "ប្រព្រឹត្តចំពោះកុមារដែលត្រូវសង្ស័យ ជាកុមារជាមុនសិន។",
                "ជូនដំណឹងដល់ឪពុកម្តាយ ឬអាណាព្យាបាល ហើយរក្សាកុមារឱ្យនៅដាច់ពីមនុស្សពេញវ័យ។",
                "ជៀសវាងការឃុំខ្លួន តាមដែលអាចធ្វើបាន។",
                "ស្គាល់ជម្រើសនៃការបង្វែរ និងការបញ្ជូនបន្ត។",
            ],
            "en": [
                "Treat a child suspect as a child first.",
                "Inform parents or guardians, and keep the child apart from adults.",
                "Avoid detention wherever possible.",
                "Know the options for diversion and referral.",
            ],
        },
        "audience_roles": ["police_officer", "commune_council", "ccwc_focal_point", "official"],
        # Justice for children: required of police, CCWC focal points (diversion) and officials; open to others.
        "required_roles": ["police_officer", "ccwc_focal_point", "official"],
        "estimated_minutes": 25,
        "cover_image": "child-first",
        "lessons": [
            {
                "slug": "a-child-first",
                "title": {"km": "ជាកុមារជាមុនសិន", "en": "A child first"},
                "summary": {
                    "km": "កុមារដែលប្រព្រឹត្តខុស ច្រើនតែជាកុមារដែលត្រូវការជំនួយ។",
                    "en": "A child who has done wrong is often a child who needs help.",
                },
                "body": {
                    "km": [
                        (
                            "text",
                            "<p>កុមារមួយចំនួនប៉ះទង្គិចនឹងច្បាប់ ដោយសារភាពក្រីក្រ ការបង្ខិតបង្ខំពីមនុស្សពេញវ័យ គ្រឿងញៀន "
                            "ឬការរំលោភបំពាននៅក្នុងផ្ទះ។ នេះមិនមែនជាលេសសម្រាប់បទល្មើសទេ "
                            "ប៉ុន្តែវាជួយយើងឱ្យយល់ពីតម្រូវការរបស់កុមារ។</p>"
                            "<p>អង្គការការពារសិទ្ធិកុមារនៅកម្ពុជា បានលើកឡើងថា ជាញឹកញាប់ "
                            "កុមារត្រូវបានដោះស្រាយក្នុងប្រព័ន្ធយុត្តិធម៌ព្រហ្មទណ្ឌ និងត្រូវបានចោទប្រកាន់ដូចមនុស្សពេញវ័យ។ "
                            "របៀបដែលអ្នកប្រព្រឹត្តចំពោះកុមារ អាចផ្លាស់ប្តូរជីវិតរបស់កុមារនោះ។</p>",
                        ),
                        (
                            "image",
                            {
                                "image": "child-first",
                                "alt_text": "កាតពណ៌ផ្កាឈូកចាស់ មានរូបបេះដូងសាមញ្ញនៅកណ្តាល និងអក្សរថា «ជាកុមារជាមុនសិន»។",
                                "caption": "កុមារដែលប៉ះទង្គិចនឹងច្បាប់ នៅតែមានសិទ្ធិជាកុមារ។",
                            },
                        ),
                        (
                            "legal_reference",
                            {
                                "instrument": _UNCRC["km"],
                                "article": "៣ (១)",
                                "quotation": _UNCRC_ART3["km"],
                                "status": "working",
                                "source": _CRC_SOURCE["km"],
                                "note": (
                                    "ឧត្តមប្រយោជន៍របស់កុមារ អនុវត្តចំពោះកុមារដែលត្រូវសង្ស័យថាប្រព្រឹត្តបទល្មើសផងដែរ "
                                    "មិនមែនតែចំពោះកុមាររងគ្រោះប៉ុណ្ណោះទេ។"
                                ),
                            },
                        ),
                        (
                            "practice",
                            {
                                "title": "ការប្រព្រឹត្តចំពោះកុមារដែលត្រូវសង្ស័យ",
                                "do": [
                                    "និយាយដោយស្ងប់ស្ងាត់ ហើយពន្យល់ពីអ្វីដែលកំពុងកើតឡើង ជាពាក្យសាមញ្ញ។",
                                    "ពិនិត្យអាយុឱ្យបានឆាប់។ បើមិនច្បាស់ ត្រូវចាត់ទុកជាកុមារ។",
                                    "ផ្តល់ទឹក អាហារ និងការថែទាំសុខភាព បើត្រូវការ។",
                                ],
                                "dont": [
                                    "កុំស្រែក គំរាម ឬជេរប្រមាថ។",
                                    "កុំប្រើខ្នោះដៃ ឬកម្លាំង លុះត្រាតែមានគ្រោះថ្នាក់ពិតប្រាកដ និងភ្លាមៗ។",
                                    "កុំថតរូប ឬផ្សព្វផ្សាយមុខកុមារ។",
                                ],
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "ចំណុចសំខាន់",
                                "points": [
                                    "កុមារដែលត្រូវសង្ស័យ នៅតែជាកុមារ។",
                                    "ការគោរព និងភាពស្ងប់ស្ងាត់ កាត់បន្ថយភាពភ័យខ្លាច និងជួយឱ្យការពិតលេចចេញ។",
                                    "កុមារមិនបាត់បង់សិទ្ធិ ដោយសារតែកុមារបានប្រព្រឹត្តខុសនោះទេ។",
                                ],
                            },
                        ),
                    ],
                    "en": [
                        (
                            "text",
                            "<p>Some children come into conflict with the law because of poverty, pressure from "
                            "adults, drugs, or abuse at home. This does not excuse the offence, but it helps us "
                            "understand what the child needs.</p>"
                            "<p>Child rights organisations in Cambodia have reported that children have often been "
                            "processed through the criminal justice system and prosecuted as adults. The way you "
                            "treat a child can change that child’s life.</p>",
                        ),
                        (
                            "image",
                            {
                                "image": "child-first",
                                "alt_text": (
                                    "Dark pink card with a simple heart symbol in the centre and the words “A "
                                    "child first”."
                                ),
                                "caption": "A child in conflict with the law still has the rights of a child.",
                            },
                        ),
                        (
                            "legal_reference",
                            {
                                "instrument": _UNCRC["en"],
                                "article": "3 (1)",
                                "quotation": _UNCRC_ART3["en"],
                                "status": "official",
                                "source": _CRC_SOURCE["en"],
                                "note": (
                                    "The best interests of the child apply to children suspected of an offence too, "
                                    "not only to child victims."
                                ),
                            },
                        ),
                        (
                            "practice",
                            {
                                "title": "Treating a child suspect",
                                "do": [
                                    "Speak calmly, and explain what is happening in simple words.",
                                    "Check the age early. If it is unclear, treat the person as a child.",
                                    "Provide water, food and health care if needed.",
                                ],
                                "dont": [
                                    "Do not shout, threaten or insult.",
                                    "Do not use handcuffs or force unless there is a real and immediate danger.",
                                    "Do not photograph the child or publish their face.",
                                ],
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "Key points",
                                "points": [
                                    "A child suspect is still a child.",
                                    "Respect and calm reduce fear and help the truth come out.",
                                    "A child does not lose their rights because they did something wrong.",
                                ],
                            },
                        ),
                    ],
                },
            },
            {
                "slug": "when-a-child-is-held",
                "title": {"km": "នៅពេលកុមារត្រូវបានឃាត់ខ្លួន", "en": "When a child is held"},
                "summary": {
                    "km": "បើត្រូវឃាត់ខ្លួនកុមារ ត្រូវជូនដំណឹងដល់ឪពុកម្តាយ រក្សាកុមារឱ្យនៅដាច់ពីមនុស្សពេញវ័យ ហើយឃាត់ក្នុងរយៈពេលខ្លីបំផុត។",
                    "en": (
                        "If a child must be held, inform the parents, keep the child apart from adults, and "
                        "hold them for the shortest possible time."
                    ),
                },
                "body": {
                    "km": [
                        (
                            "text",
                            "<p>ការឃុំខ្លួន អាចបង្កគ្រោះថ្នាក់ដល់កុមារ ទាំងផ្លូវកាយ និងផ្លូវចិត្ត។ "
                            "ត្រូវប្រើវា<strong>ជាជម្រើសចុងក្រោយ</strong> និងក្នុងរយៈពេល<strong>ខ្លីបំផុត</strong> "
                            "តាមដែលអាចធ្វើបាន។</p>"
                            "<p>ត្រូវគោរពច្បាប់ និងការណែនាំរបស់ថ្នាក់លើជានិច្ច។ ប៉ុន្តែក្នុងក្របខណ្ឌច្បាប់នោះ "
                            "ត្រូវជ្រើសរើសវិធីដែលការពារកុមារបានល្អបំផុត។</p>",
                        ),
                        (
                            "procedure",
                            {
                                "title": "បើត្រូវឃាត់ខ្លួនកុមារ",
                                "style": "steps",
                                "steps": [
                                    "ជូនដំណឹងដល់ឪពុកម្តាយ ឬអាណាព្យាបាលភ្លាមៗ។ បើរកពួកគេមិនឃើញ ត្រូវជូនដំណឹងដល់បុគ្គលបង្គោល គ.ក.ន.ក។",
                                    "រក្សាកុមារឱ្យនៅដាច់ដោយឡែកពីមនុស្សពេញវ័យ ជានិច្ច។",
                                    "រក្សាក្មេងស្រីឱ្យនៅដាច់ពីក្មេងប្រុស ហើយឱ្យមន្ត្រីស្រីជាអ្នកមើលថែក្មេងស្រី តាមលទ្ធភាព។",
                                    "ពន្យល់កុមារពីមូលហេតុនៃការឃាត់ខ្លួន ជាពាក្យសាមញ្ញ។",
                                    "កុំសួរចម្លើយកុមារ ដោយគ្មានឪពុកម្តាយ ឬមនុស្សពេញវ័យដែលកុមារទុកចិត្តនៅជាមួយ។",
                                    "ជួយកុមារឱ្យទទួលបានជំនួយផ្លូវច្បាប់ ឧទាហរណ៍ ទាក់ទងអង្គការផ្តល់ជំនួយផ្លូវច្បាប់ ដែលធ្វើការក្នុងតំបន់។",
                                    "កត់ត្រាម៉ោងដែលកុមារត្រូវបាននាំមក និងម៉ោងដោះលែង ហើយរកជម្រើសផ្សេងក្រៅពីការឃុំខ្លួន ឱ្យបានឆាប់។",
                                ],
                            },
                        ),
                        (
                            "scenario",
                            {
                                "title": "ទូរស័ព្ទនៅផ្សារ",
                                "situation": (
                                    "នៅផ្សារ ប្រជាជនមួយក្រុមចាប់បានពិសិដ្ឋ អាយុប្រហែល ១៤ ឆ្នាំ ដែលបានលួចទូរស័ព្ទពីតូបមួយ។ "
                                    "មនុស្សម្នាស្រែកឡូឡា ហើយបុរសម្នាក់ទះកំផ្លៀងគេ។ អ្នកទៅដល់កន្លែងកើតហេតុ។"
                                ),
                                "questions": [
                                    "តើអ្នកការពារពិសិដ្ឋពីហ្វូងមនុស្ស ដោយរបៀបណា?",
                                    "តើអ្នកត្រូវទាក់ទងនរណាមុនគេ?",
                                    "តើពិសិដ្ឋគួររង់ចាំនៅទីណា ហើយជាមួយនរណា?",
                                ],
                            },
                        ),
                        (
                            "practice",
                            {
                                "title": "នៅកន្លែងកើតហេតុ និងនៅប៉ុស្តិ៍ប៉ូលីស",
                                "do": [
                                    "ការពារកុមារពីអំពើហិង្សារបស់ហ្វូងមនុស្ស។",
                                    "ប្រគល់ទ្រព្យសម្បត្តិទៅម្ចាស់វិញ ហើយកត់ត្រាព័ត៌មាន។",
                                ],
                                "dont": [
                                    "កុំដាក់កុមារក្នុងបន្ទប់ឃុំខ្លួន រួមជាមួយមនុស្សពេញវ័យ។",
                                    "កុំទុកកុមារនៅប៉ុស្តិ៍ប៉ូលីសពេញមួយយប់ ដោយគ្មានមូលហេតុច្បាស់លាស់។",
                                    "កុំប្រើការឃុំខ្លួន ដើម្បីដាក់ទោស ឬបំភ័យកុមារ។",
                                ],
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "ចំណុចសំខាន់",
                                "points": [
                                    "ជូនដំណឹងដល់ឪពុកម្តាយ ឬអាណាព្យាបាលភ្លាមៗ។",
                                    "កុមារ ត្រូវនៅដាច់ដោយឡែកពីមនុស្សពេញវ័យជានិច្ច។",
                                    "ការឃុំខ្លួន ជាជម្រើសចុងក្រោយ ហើយត្រូវខ្លីបំផុត។",
                                ],
                            },
                        ),
                    ],
                    "en": [
                        (
                            "text",
                            "<p>Detention can harm a child, physically and emotionally. Use it only "
                            "<strong>as a last resort</strong> and for the <strong>shortest possible time</strong>.</p>"
                            "<p>Always follow the law and your superiors’ instructions. But within the law, "
                            "choose the option that best protects the child.</p>",
                        ),
                        (
                            "procedure",
                            {
                                "title": "If a child has to be held",
                                "style": "steps",
                                "steps": [
                                    (
                                        "Inform the parents or guardian at once. If they cannot be found, "
                                        "inform the CCWC focal point."
                                    ),
                                    "Always keep the child separate from adults.",
                                    (
                                        "Keep girls apart from boys, and have female officers look after girls "
                                        "where possible."
                                    ),
                                    "Explain to the child, in simple words, why they are being held.",
                                    "Do not question the child without a parent or trusted adult present.",
                                    (
                                        "Help the child get legal aid, for example by contacting a legal aid "
                                        "organisation working in the area."
                                    ),
                                    (
                                        "Record the time the child was brought in and released, and look early "
                                        "for alternatives to detention."
                                    ),
                                ],
                            },
                        ),
                        (
                            "scenario",
                            {
                                "title": "A phone at the market",
                                "situation": (
                                    "At the market, a crowd catches Piseth, about 14, who has stolen a phone from a "
                                    "stall. People are shouting, and one man slaps him. You arrive at the scene."
                                ),
                                "questions": [
                                    "How do you protect Piseth from the crowd?",
                                    "Who do you contact first?",
                                    "Where, and with whom, should Piseth wait?",
                                ],
                            },
                        ),
                        (
                            "practice",
                            {
                                "title": "At the scene and at the police post",
                                "do": [
                                    "Protect the child from violence by the crowd.",
                                    "Return the property to its owner and record the details.",
                                ],
                                "dont": [
                                    "Do not put a child in a cell with adults.",
                                    "Do not keep a child at the police post overnight without a clear reason.",
                                    "Do not use detention to punish or frighten a child.",
                                ],
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "Key points",
                                "points": [
                                    "Inform the parents or guardian at once.",
                                    "Children are always kept apart from adults.",
                                    "Detention is a last resort, and as short as possible.",
                                ],
                            },
                        ),
                    ],
                },
            },
            {
                "slug": "diversion-and-referral",
                "title": {"km": "ជម្រើសផ្សេង៖ ការបង្វែរ និងការបញ្ជូនបន្ត", "en": "Other options: diversion and referral"},
                "summary": {
                    "km": "សម្រាប់រឿងតូចតាច ជម្រើសក្រៅពីដំណើរការតុលាការ អាចជួយកុមារឱ្យទទួលខុសត្រូវ និងត្រឡប់មករកផ្លូវត្រូវវិញ។",
                    "en": (
                        "For minor matters, options outside the court process can help a child take "
                        "responsibility and get back on track."
                    ),
                },
                "body": {
                    "km": [
                        (
                            "text",
                            "<p><strong>ការបង្វែរ</strong> មានន័យថា ដោះស្រាយរឿងរបស់កុមារ ក្រៅពីដំណើរការតុលាការ "
                            "នៅពេលដែលច្បាប់ និងអាជ្ញាធរមានសមត្ថកិច្ចអនុញ្ញាត។ ឧទាហរណ៍៖ ការប្រជុំជាមួយឪពុកម្តាយ "
                            "ក្រុមប្រឹក្សាឃុំ/សង្កាត់ និងបុគ្គលបង្គោល គ.ក.ន.ក ការសុំទោស ការជួសជុលការខូចខាត "
                            "ការត្រឡប់ទៅរៀនវិញ ឬការប្រឹក្សាយោបល់ជាមួយបុគ្គលិកសង្គមកិច្ច។</p>"
                            "<p>ការបង្វែរ <strong>មិនមែន</strong>ជាការលាក់បាំងបទល្មើសធ្ងន់ធ្ងរទេ "
                            "ហើយក៏មិនមែនជាការប្រើប្រាក់ ដើម្បីគេចពីការទទួលខុសត្រូវដែរ។ "
                            "បទល្មើសផ្លូវភេទលើកុមារ មិនត្រូវដោះស្រាយដោយការសម្រុះសម្រួលឯកជនឡើយ។</p>",
                        ),
                        (
                            "procedure",
                            {
                                "title": "មុននឹងជ្រើសរើសការបង្វែរ",
                                "style": "checklist",
                                "steps": [
                                    "រឿងនេះតូចតាច ហើយមិនបង្កការខូចខាតធ្ងន់ធ្ងរដល់អ្នកដទៃ។",
                                    "កុមារទទួលស្គាល់អ្វីដែលខ្លួនបានធ្វើ ដោយសេរី និងគ្មានការបង្ខិតបង្ខំ។",
                                    "ឪពុកម្តាយ ឬអាណាព្យាបាល បានចូលរួម។",
                                    "មានបុគ្គលិកសង្គមកិច្ច បុគ្គលបង្គោល គ.ក.ន.ក ឬអង្គការ ដែលអាចគាំទ្រកុមារ។",
                                    "ថ្នាក់លើ ឬអាជ្ញាធរមានសមត្ថកិច្ច បានយល់ព្រម ហើយសេចក្តីសម្រេចត្រូវបានកត់ត្រា។",
                                ],
                            },
                        ),
                        (
                            "scenario",
                            {
                                "title": "កង់នៅមុខសាលា",
                                "situation": (
                                    "រិទ្ធី អាយុ ១៣ ឆ្នាំ បានយកកង់មួយពីមុខសាលា ហើយព្យាយាមលក់វា។ "
                                    "នេះជាលើកទីមួយ ដែលគេមានរឿងបែបនេះ។ ម្ចាស់កង់បានទទួលកង់វិញហើយ។ "
                                    "ម្តាយរបស់រិទ្ធីធ្វើការនៅប្រទេសថៃ ហើយគេរស់នៅជាមួយជីដូន។"
                                ),
                                "questions": [
                                    "តើមានជម្រើសអ្វីខ្លះ ក្រៅពីការឃុំខ្លួនរិទ្ធី?",
                                    "តើនរណាខ្លះ គួរចូលរួមក្នុងការប្រជុំអំពីរិទ្ធី?",
                                    "តើអ្នកនឹងតាមដានរិទ្ធី ក្រោយមួយខែ ដោយរបៀបណា?",
                                ],
                            },
                        ),
                        (
                            "practice",
                            {
                                "title": "ការប្រជុំបង្វែរ",
                                "do": [
                                    "ឱ្យកុមារនិយាយ ហើយស្តាប់កុមារ។",
                                    "ផ្តោតលើការជួសជុលការខូចខាត និងការគាំទ្រកុមារ។",
                                    "កំណត់អ្នកទទួលខុសត្រូវលើការតាមដាន។",
                                ],
                                "dont": [
                                    "កុំធ្វើឱ្យកុមារខ្មាសអៀន នៅមុខសាធារណៈ។",
                                    "កុំទាមទារប្រាក់ ឬអំណោយពីគ្រួសារ។",
                                ],
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "ចំណុចសំខាន់",
                                "points": [
                                    "ការបង្វែរ ជួយកុមារឱ្យរៀនពីកំហុស ដោយមិនបំផ្លាញអនាគត។",
                                    "ការបង្វែរ ត្រូវធ្វើតាមច្បាប់ និងមានការយល់ព្រមពីអាជ្ញាធរមានសមត្ថកិច្ច។",
                                    "គ្រួសារ ក្រុមប្រឹក្សាឃុំ/សង្កាត់ និង គ.ក.ន.ក ជាដៃគូសំខាន់។",
                                ],
                            },
                        ),
                    ],
                    "en": [
                        (
                            "text",
                            "<p><strong>Diversion</strong> means dealing with a child’s matter outside the court "
                            "process, where the law and the competent authority allow it. Examples: a meeting with "
                            "the parents, the commune/sangkat council and the CCWC focal point; an apology; repairing "
                            "the damage; returning to school; or counselling with a social worker.</p>"
                            "<p>Diversion is <strong>not</strong> a way to hide serious crimes, nor a way to pay to "
                            "avoid responsibility. Sexual offences against a child must never be settled "
                            "privately.</p>",
                        ),
                        (
                            "procedure",
                            {
                                "title": "Before choosing diversion",
                                "style": "checklist",
                                "steps": [
                                    "The matter is minor, and caused no serious harm to others.",
                                    "The child freely admits what they did, without pressure.",
                                    "The parents or guardian are involved.",
                                    "A social worker, CCWC focal point or NGO can support the child.",
                                    (
                                        "Your superior or the competent authority has agreed, and the decision "
                                        "is recorded."
                                    ),
                                ],
                            },
                        ),
                        (
                            "scenario",
                            {
                                "title": "The bicycle outside the school",
                                "situation": (
                                    "Rithy, 13, took a bicycle from outside the school and tried to sell it. It is the "
                                    "first time he has been in trouble like this. The owner has got the bicycle back. "
                                    "Rithy’s mother works in Thailand, and he lives with his grandmother."
                                ),
                                "questions": [
                                    "What options other than detention are there for Rithy?",
                                    "Who should take part in a meeting about Rithy?",
                                    "How would you follow up with Rithy after a month?",
                                ],
                            },
                        ),
                        (
                            "practice",
                            {
                                "title": "A diversion meeting",
                                "do": [
                                    "Let the child speak, and listen to the child.",
                                    "Focus on repairing the harm and supporting the child.",
                                    "Name a person responsible for follow-up.",
                                ],
                                "dont": [
                                    "Do not shame the child in public.",
                                    "Do not ask the family for money or gifts.",
                                ],
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "Key points",
                                "points": [
                                    "Diversion helps a child learn from a mistake without ruining their future.",
                                    "Diversion must follow the law, with the agreement of the competent authority.",
                                    "The family, the commune/sangkat council and the CCWC are key partners.",
                                ],
                            },
                        ),
                    ],
                },
            },
        ],
    },
    # ------------------------------------------------------------------------------------------------ Module 5
    {
        "slug": "referral-and-reporting",
        "number": 5,
        "title": {
            "km": "ការបញ្ជូនបន្ត និងការរាយការណ៍ ជាមួយក្រុមប្រឹក្សាឃុំ/សង្កាត់ គ.ក.ន.ក និងសេវាសង្គមកិច្ច",
            "en": "Referral and reporting with commune councils, CCWC and social services",
        },
        "summary": {
            "km": "គ្មាននរណាម្នាក់អាចការពារកុមារតែម្នាក់ឯងបានទេ។ ម៉ូឌុលនេះបង្ហាញថា នរណាធ្វើអ្វី និងរបៀបបញ្ជូនបន្ត កត់ត្រា និងតាមដានករណី។",
            "en": (
                "No one can protect a child alone. This module shows who does what, and how to refer, record "
                "and follow up a case."
            ),
        },
        "objectives": {
            "km": [
                "ពន្យល់តួនាទីរបស់ប៉ូលីស ក្រុមប្រឹក្សាឃុំ/សង្កាត់ គ.ក.ន.ក និងសេវាសង្គមកិច្ច។",
                "អនុវត្តតាមជំហាននៃការបញ្ជូនបន្ត។",
                "កត់ត្រាព័ត៌មានករណី ឱ្យបានត្រឹមត្រូវ និងរក្សាការសម្ងាត់។",
                "តាមដានកុមារ បន្ទាប់ពីការបញ្ជូនបន្ត។",
            ],
            "en": [
                "Explain the roles of the police, the commune/sangkat council, the CCWC and social services.",
                "Follow the steps of the referral pathway.",
                "Record case information accurately and confidentially.",
                "Follow up with the child after referral.",
            ],
        },
        "audience_roles": [
            "police_officer",
            "commune_council",
            "ccwc_focal_point",
            "village_chief",
            "official",
            "other",
        ],
        # Everyone who meets a child at risk refers them: required of every role.
        "required_roles": [
            "police_officer",
            "commune_council",
            "ccwc_focal_point",
            "village_chief",
            "official",
            "other",
        ],
        "estimated_minutes": 30,
        "cover_image": "referral-pathway",
        "lessons": [
            {
                "slug": "who-does-what",
                "title": {"km": "នរណាធ្វើអ្វី", "en": "Who does what"},
                "summary": {
                    "km": "អ្នកពាក់ព័ន្ធម្នាក់ៗ មានតួនាទីរៀងៗខ្លួន ក្នុងការការពារកុមារ។",
                    "en": "Each partner has their own role in protecting a child.",
                },
                "body": {
                    "km": [
                        (
                            "text",
                            "<p>គ្មាននរណាម្នាក់អាចការពារកុមារតែម្នាក់ឯងបានទេ។ នេះជាតួនាទីសំខាន់ៗ៖</p>"
                            "<ul>"
                            "<li><strong>មេភូមិ៖</strong> ជារឿយៗជាអ្នកដំបូងដែលដឹងពីករណី។ "
                            "រាយការណ៍ទៅប៉ូលីស និងក្រុមប្រឹក្សាឃុំ/សង្កាត់។</li>"
                            "<li><strong>ប៉ុស្តិ៍ប៉ូលីសឃុំ/សង្កាត់៖</strong> ឆ្លើយតបដំបូង ធ្វើឱ្យកុមារមានសុវត្ថិភាព "
                            "និងជូនដំណឹងទៅថ្នាក់លើ។</li>"
                            "<li><strong>ប៉ូលីសយុត្តិធម៌ និងអង្គភាពប្រឆាំងការជួញដូរមនុស្ស និងការពារអនីតិជន៖</strong> "
                            "ស៊ើបអង្កេតបទល្មើស និងប្រមូលភស្តុតាង។</li>"
                            "<li><strong>ក្រុមប្រឹក្សាឃុំ/សង្កាត់៖</strong> ការពារកុមារក្នុងឃុំ/សង្កាត់ ជួយគ្រួសារ "
                            "និងជួយពិនិត្យបញ្ជីអត្រានុកូលដ្ឋាន។</li>"
                            "<li><strong>គណៈកម្មាធិការទទួលបន្ទុកកិច្ចការនារី និងកុមារឃុំ/សង្កាត់ (គ.ក.ន.ក)៖</strong> "
                            "ភ្ជាប់កុមារ និងគ្រួសារ ទៅនឹងសេវា ហើយតាមដានករណី។</li>"
                            "<li><strong>សេវាសង្គមកិច្ច និងអង្គការមិនមែនរដ្ឋាភិបាល៖</strong> ទីជម្រក ការថែទាំសុខភាព "
                            "ការប្រឹក្សាយោបល់ ជំនួយផ្លូវច្បាប់ ការស្វែងរកគ្រួសារ និងការធ្វើសមាហរណកម្មឡើងវិញ។</li>"
                            "</ul>",
                        ),
                        (
                            "image",
                            {
                                "image": "referral-pathway",
                                "alt_text": (
                                    "កាតពណ៌ប្រផេះខៀវចាស់ មានរូបបញ្ជីត្រួតពិនិត្យសាមញ្ញនៅកណ្តាល និងអក្សរថា «ធ្វើការជាក្រុមដើម្បីកុមារ»។"
                                ),
                                "caption": "អ្នកពាក់ព័ន្ធម្នាក់ៗ ដឹងពីតួនាទីរបស់ខ្លួន។",
                            },
                        ),
                        (
                            "practice",
                            {
                                "title": "ការធ្វើការជាក្រុម",
                                "do": [
                                    "ស្គាល់ឈ្មោះ និងលេខទូរស័ព្ទរបស់ដៃគូ ក្នុងឃុំ ស្រុក និងខេត្តរបស់អ្នក។",
                                    "ជួបប្រជុំជាប្រចាំ ជាមួយ គ.ក.ន.ក និងប៉ុស្តិ៍ប៉ូលីសឃុំ/សង្កាត់។",
                                ],
                                "dont": [
                                    "កុំរង់ចាំឱ្យអ្នកផ្សេងចាត់វិធានការ។",
                                    "កុំប្រគល់កុមារទៅនរណាម្នាក់ ដោយមិនបានពិនិត្យថាគេជានរណា។",
                                ],
                            },
                        ),
                        (
                            "scenario",
                            {
                                "title": "ក្មេងស្រីដែលឈប់មករៀន",
                                "situation": (
                                    "មាលា ជាបុគ្គលបង្គោល គ.ក.ន.ក បានដឹងពីគ្រូបង្រៀនថា បុប្ផា អាយុ ១២ ឆ្នាំ "
                                    "មិនបានមករៀនអស់រយៈពេលពីរសប្តាហ៍ហើយ។ អ្នកជិតខាងប្រាប់ថា មានបុរសម្នាក់មកពីខេត្តផ្សេង "
                                    "បានមកជួបឪពុកម្តាយរបស់បុប្ផា ហើយស្នើយកនាងទៅធ្វើការនៅទីក្រុង។"
                                ),
                                "questions": [
                                    "តើមាលាគួរធ្វើអ្វីមុនគេ?",
                                    "តើនរណាខ្លះ ត្រូវចូលរួម ហើយម្នាក់ៗមានតួនាទីអ្វី?",
                                    "តើត្រូវកត់ត្រាព័ត៌មានអ្វីខ្លះ?",
                                ],
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "ចំណុចសំខាន់",
                                "points": [
                                    "ស្គាល់តួនាទីរបស់អ្នក និងតួនាទីរបស់ដៃគូ។",
                                    "ចែករំលែកព័ត៌មានជាមួយដៃគូ តែតាមតម្រូវការចាំបាច់។",
                                    "កុមារម្នាក់ៗ ត្រូវមានអ្នកទំនាក់ទំនងសំខាន់ម្នាក់ ដែលកុមារ និងគ្រួសារស្គាល់។",
                                ],
                            },
                        ),
                    ],
                    "en": [
                        (
                            "text",
                            "<p>No one can protect a child alone. These are the main roles:</p>"
                            "<ul>"
                            "<li><strong>Village chief:</strong> often the first to hear about a case. "
                            "Reports to the police and the commune/sangkat council.</li>"
                            "<li><strong>Commune/sangkat police post:</strong> responds first, makes the child safe, "
                            "and informs superiors.</li>"
                            "<li><strong>Judicial police and the anti-trafficking and juvenile protection "
                            "units:</strong> "
                            "investigate offences and gather evidence.</li>"
                            "<li><strong>Commune/sangkat council:</strong> protects children in the commune, supports "
                            "families, and helps check civil registration records.</li>"
                            "<li><strong>Commune Committee for Women and Children (CCWC):</strong> links the child and "
                            "family with services, and follows up the case.</li>"
                            "<li><strong>Social services and NGOs:</strong> shelter, health care, counselling, "
                            "legal aid, family tracing and reintegration.</li>"
                            "</ul>",
                        ),
                        (
                            "image",
                            {
                                "image": "referral-pathway",
                                "alt_text": (
                                    "Dark grey-blue card with a simple checklist symbol in the centre and the "
                                    "words “Working together for the child”."
                                ),
                                "caption": "Every partner knows their role.",
                            },
                        ),
                        (
                            "practice",
                            {
                                "title": "Working as a team",
                                "do": [
                                    (
                                        "Know the names and phone numbers of partners in your commune, "
                                        "district and province."
                                    ),
                                    "Meet regularly with the CCWC and the commune/sangkat police post.",
                                ],
                                "dont": [
                                    "Do not wait for someone else to act.",
                                    "Do not hand a child over to anyone without checking who they are.",
                                ],
                            },
                        ),
                        (
                            "scenario",
                            {
                                "title": "The girl who stopped coming to school",
                                "situation": (
                                    "Mealea, a CCWC focal point, hears from a teacher that Bopha, 12, has "
                                    "missed school "
                                    "for two weeks. Neighbours say a man from another province came to see Bopha’s "
                                    "parents and offered to take her to work in the city."
                                ),
                                "questions": [
                                    "What should Mealea do first?",
                                    "Who should be involved, and what is each person’s role?",
                                    "What information should be recorded?",
                                ],
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "Key points",
                                "points": [
                                    "Know your role and your partners’ roles.",
                                    "Share information with partners only as far as needed.",
                                    "Each child should have one main contact person whom the child and family know.",
                                ],
                            },
                        ),
                    ],
                },
            },
            {
                "slug": "the-referral-pathway",
                "title": {"km": "ផ្លូវនៃការបញ្ជូនបន្ត", "en": "The referral pathway"},
                "summary": {
                    "km": "ជំហានច្បាស់លាស់ ជួយឱ្យកុមារទទួលបានសេវាត្រឹមត្រូវ ទាន់ពេល ហើយមិនត្រូវបានគេបំភ្លេចចោល។",
                    "en": "Clear steps help the child get the right services on time, without being forgotten.",
                },
                "body": {
                    "km": [
                        (
                            "text",
                            "<p>ការបញ្ជូនបន្ត មានន័យថា ភ្ជាប់កុមារទៅនឹងអ្នកដែលអាចផ្តល់ជំនួយដែលកុមារត្រូវការ។ "
                            "ក្នុងរបាយការណ៍ឆ្នាំ២០១៣ កុមារកម្ពុជាបានស្នើឱ្យពង្រឹងយន្តការរាយការណ៍ក្នុងសហគមន៍ "
                            "ដើម្បីឱ្យកុមារ និងសហគមន៍ អាចរាយការណ៍ករណីបានយ៉ាងងាយស្រួល គ្រប់ពេលវេលា។</p>",
                        ),
                        (
                            "procedure",
                            {
                                "title": "ផ្លូវនៃការបញ្ជូនបន្ត",
                                "style": "steps",
                                "steps": [
                                    "ទទួលរបាយការណ៍៖ ស្តាប់ កត់ត្រា និងមិនវិនិច្ឆ័យ។",
                                    "ធ្វើឱ្យកុមារមានសុវត្ថិភាព ហើយរកជំនួយផ្នែកវេជ្ជសាស្ត្រ បើត្រូវការ។",
                                    "ជូនដំណឹងដល់ប៉ូលីស (ប៉ុស្តិ៍ប៉ូលីសឃុំ/សង្កាត់ ឬប៉ូលីសយុត្តិធម៌) និងបុគ្គលបង្គោល គ.ក.ន.ក។",
                                    "បញ្ជូនកុមារទៅសេវាដែលត្រូវការ៖ សុខភាព ទីជម្រក ការប្រឹក្សាយោបល់ ជំនួយផ្លូវច្បាប់។",
                                    "ព្រមព្រៀងគ្នា ថានរណាជាអ្នកទំនាក់ទំនងសំខាន់សម្រាប់កុមារ។",
                                    "កត់ត្រាការបញ្ជូនបន្ត ហើយរក្សាការសម្ងាត់។",
                                    "តាមដានកុមារ រហូតដល់កុមារមានសុវត្ថិភាព និងទទួលបានសេវា។",
                                ],
                            },
                        ),
                        (
                            "video",
                            {
                                "title": VIDEO["referral-pathway"]["title"]["km"],
                                "file": "referral-pathway",
                                "caption": "វីដេអូខ្លី បង្ហាញជំហានសំខាន់ៗនៃការបញ្ជូនបន្ត។",
                            },
                        ),
                        (
                            "practice",
                            {
                                "title": "ការទទួលរបាយការណ៍",
                                "do": [
                                    "អរគុណអ្នកដែលរាយការណ៍។",
                                    "ទទួលយករបាយការណ៍ ទោះបីព័ត៌មានមិនទាន់ពេញលេញក៏ដោយ។",
                                ],
                                "dont": [
                                    "កុំបដិសេធរបាយការណ៍ ដោយហេតុថាវាជា «រឿងក្នុងគ្រួសារ»។",
                                    "កុំប្រាប់ជនសង្ស័យ ថានរណាជាអ្នករាយការណ៍។",
                                ],
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "ចំណុចសំខាន់",
                                "points": [
                                    "សុវត្ថិភាពជាមុន បន្ទាប់មកបញ្ជូនបន្ត។",
                                    "កុមារម្នាក់ មានអ្នកទំនាក់ទំនងសំខាន់ម្នាក់។",
                                    "ការបញ្ជូនបន្ត មិនបញ្ចប់ត្រឹមការប្រគល់ឯកសារនោះទេ។",
                                ],
                            },
                        ),
                    ],
                    "en": [
                        (
                            "text",
                            "<p>Referral means connecting the child with the people who can give the help the child "
                            "needs. In their 2013 report, Cambodian children asked for stronger reporting mechanisms "
                            "in communities, so that children and communities can report a case easily, "
                            "at any time.</p>",
                        ),
                        (
                            "procedure",
                            {
                                "title": "The referral pathway",
                                "style": "steps",
                                "steps": [
                                    "Receive the report: listen, write it down, do not judge.",
                                    "Make the child safe, and get medical help if needed.",
                                    (
                                        "Inform the police (commune/sangkat police post or judicial police) "
                                        "and the CCWC focal point."
                                    ),
                                    (
                                        "Refer the child to the services they need: health, shelter, "
                                        "counselling, legal aid."
                                    ),
                                    "Agree who is the main contact person for the child.",
                                    "Record the referral and keep it confidential.",
                                    "Follow up until the child is safe and receiving services.",
                                ],
                            },
                        ),
                        (
                            "video",
                            {
                                "title": VIDEO["referral-pathway"]["title"]["en"],
                                "file": "referral-pathway",
                                "caption": "A short video showing the key steps of referral.",
                            },
                        ),
                        (
                            "practice",
                            {
                                "title": "Receiving a report",
                                "do": [
                                    "Thank the person who reports.",
                                    "Accept the report, even if the information is not complete.",
                                ],
                                "dont": [
                                    "Do not refuse a report because it is a “family matter”.",
                                    "Do not tell the suspect who made the report.",
                                ],
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "Key points",
                                "points": [
                                    "Safety first, then referral.",
                                    "One child, one main contact person.",
                                    "Referral does not end with handing over a form.",
                                ],
                            },
                        ),
                    ],
                },
            },
            {
                "slug": "recording-and-confidentiality",
                "title": {"km": "ការកត់ត្រា និងការរក្សាការសម្ងាត់", "en": "Recording and confidentiality"},
                "summary": {
                    "km": "កំណត់ត្រាល្អ ជួយកុមារ ហើយការរក្សាការសម្ងាត់ ការពារកុមារ។",
                    "en": "Good records help the child, and confidentiality protects the child.",
                },
                "body": {
                    "km": [
                        (
                            "text",
                            "<p>កំណត់ត្រាល្អ ជួយឱ្យដៃគូយល់ពីករណី ដោយមិនចាំបាច់សួរកុមារម្តងទៀត។ "
                            "វាក៏ជួយអ្នកដឹកនាំ ឱ្យដឹងថាតំបន់ណាត្រូវការជំនួយបន្ថែម។ "
                            "កុមារកម្ពុជាបានស្នើឱ្យមានប្រព័ន្ធតាមដាន និងគ្រប់គ្រងព័ត៌មាន អំពីការលក់កុមារ "
                            "ពេស្យាចារកុមារ រូបភាពអាសអាភាសកុមារ និងការរំលោភបំពានលើកុមារ។</p>"
                            "<p>ប៉ុន្តែកំណត់ត្រាមានព័ត៌មានរសើប។ បើបែកធ្លាយ "
                            "វាអាចធ្វើឱ្យកុមារប្រឈមនឹងគ្រោះថ្នាក់ ឬការមាក់ងាយ។</p>",
                        ),
                        (
                            "procedure",
                            {
                                "title": "អ្វីដែលត្រូវកត់ត្រា",
                                "style": "checklist",
                                "steps": [
                                    "កាលបរិច្ឆេទ ម៉ោង និងទីកន្លែង។",
                                    "នរណាជាអ្នករាយការណ៍ និងរបៀបទាក់ទងអ្នកនោះ។",
                                    "អាយុ និងភេទរបស់កុមារ។ ឈ្មោះពេញ ត្រូវទុកតែក្នុងឯកសារសម្ងាត់។",
                                    "អ្វីដែលបានកើតឡើង តាមពាក្យរបស់កុមារ ឬរបស់អ្នករាយការណ៍។",
                                    "វិធានការដែលបានចាត់ និងការបញ្ជូនបន្តដែលបានធ្វើ។",
                                    "នរណាទទួលខុសត្រូវលើការតាមដាន និងនៅពេលណា។",
                                ],
                            },
                        ),
                        (
                            "practice",
                            {
                                "title": "ការរក្សាកំណត់ត្រាឱ្យមានសុវត្ថិភាព",
                                "do": [
                                    "ទុកឯកសារក្រដាស នៅក្នុងទូចាក់សោ។",
                                    "ដាក់ពាក្យសម្ងាត់ លើទូរស័ព្ទ ឬកុំព្យូទ័រ ដែលមានព័ត៌មានករណី។",
                                    "ប្រើលេខករណី ក្នុងរបាយការណ៍ប្រចាំខែ។",
                                ],
                                "dont": [
                                    "កុំផ្ញើរូបថតទម្រង់បែបបទ ដែលមានឈ្មោះកុមារ ទៅក្នុងក្រុមឆាត។",
                                    "កុំទុកឯកសារនៅលើតុ ដែលអ្នកផ្សេងអាចមើលឃើញ។",
                                ],
                            },
                        ),
                        (
                            "scenario",
                            {
                                "title": "ក្រុមឆាត",
                                "situation": (
                                    "ក្រោយការប្រជុំ សមាជិកក្រុមប្រឹក្សាឃុំ/សង្កាត់ម្នាក់ បានថតរូបទម្រង់បញ្ជូនបន្ត "
                                    "ដែលមានឈ្មោះពេញ និងភូមិរបស់កុមារ ហើយផ្ញើទៅក្នុងក្រុមឆាតរបស់មេភូមិទាំងអស់ "
                                    "«ដើម្បីឱ្យគ្រប់គ្នាដឹង»។"
                                ),
                                "questions": [
                                    "តើការធ្វើបែបនេះ អាចធ្វើឱ្យកុមារប្រឈមនឹងហានិភ័យអ្វីខ្លះ?",
                                    "តើសមាជិកក្រុមប្រឹក្សាឃុំ/សង្កាត់នោះ គួរធ្វើអ្វីឥឡូវនេះ?",
                                    "តើក្រុមប្រឹក្សាឃុំ/សង្កាត់ អាចការពារកុំឱ្យរឿងនេះកើតឡើងម្តងទៀត ដោយរបៀបណា?",
                                ],
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "ចំណុចសំខាន់",
                                "points": [
                                    "កត់ត្រាឱ្យច្បាស់ ខ្លី និងត្រឹមត្រូវ។",
                                    "ឈ្មោះកុមារ ទុកតែក្នុងឯកសារសម្ងាត់។",
                                    "ចែករំលែក តែជាមួយអ្នកដែលត្រូវការដឹង។",
                                ],
                            },
                        ),
                    ],
                    "en": [
                        (
                            "text",
                            "<p>Good records help partners understand a case without asking the child again. "
                            "They also help leaders see which areas need more support. "
                            "Cambodian children have asked for an information monitoring and management system on the "
                            "sale of children, child prostitution, child pornography and child abuse.</p>"
                            "<p>But records hold sensitive information. If they leak, "
                            "the child may face danger or stigma.</p>",
                        ),
                        (
                            "procedure",
                            {
                                "title": "What to record",
                                "style": "checklist",
                                "steps": [
                                    "Date, time and place.",
                                    "Who reported, and how to contact them.",
                                    "The child’s age and sex. Keep the full name only in the confidential file.",
                                    "What happened, in the words of the child or of the person reporting.",
                                    "Action taken and referrals made.",
                                    "Who is responsible for follow-up, and when.",
                                ],
                            },
                        ),
                        (
                            "practice",
                            {
                                "title": "Keeping records safe",
                                "do": [
                                    "Keep paper files in a locked cabinet.",
                                    "Protect phones or computers that hold case information with a password.",
                                    "Use case numbers in monthly reports.",
                                ],
                                "dont": [
                                    "Do not send photos of forms showing the child’s name to chat groups.",
                                    "Do not leave files on a desk where others can see them.",
                                ],
                            },
                        ),
                        (
                            "scenario",
                            {
                                "title": "The chat group",
                                "situation": (
                                    "After a meeting, a commune council member photographs a referral form showing the "
                                    "child’s full name and village, and sends it to a chat group of all the village "
                                    "chiefs “so that everyone knows”."
                                ),
                                "questions": [
                                    "What risks could this create for the child?",
                                    "What should the council member do now?",
                                    "How can the commune council prevent this from happening again?",
                                ],
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "Key points",
                                "points": [
                                    "Record clearly, briefly and accurately.",
                                    "Keep the child’s name only in the confidential file.",
                                    "Share only with those who need to know.",
                                ],
                            },
                        ),
                    ],
                },
            },
            {
                "slug": "follow-up",
                "title": {"km": "ការតាមដាន", "en": "Follow-up"},
                "summary": {
                    "km": "ការបញ្ជូនបន្តមិនមែនជាទីបញ្ចប់ទេ៖ ត្រូវពិនិត្យថា កុមារមានសុវត្ថិភាព និងទទួលបានជំនួយពិតប្រាកដ។",
                    "en": "Referral is not the end: check that the child is safe and really receives help.",
                },
                "body": {
                    "km": [
                        (
                            "text",
                            "<p>បន្ទាប់ពីការបញ្ជូនបន្ត ត្រូវពិនិត្យថា កុមារបានទទួលសេវាពិតប្រាកដ។ "
                            "តើកុមារមានសុវត្ថិភាពឬទេ? តើកុមារបានត្រឡប់ទៅរៀនវិញឬនៅ? "
                            "តើគ្រួសាររងការគំរាមកំហែង ឬការបង្ខិតបង្ខំឱ្យដកពាក្យបណ្តឹងឬទេ?</p>"
                            "<p>ប្រាប់កុមារ និងគ្រួសារ ពីដំណើរការនៃករណី ជាពាក្យសាមញ្ញ។ "
                            "កុមារមានសិទ្ធិដឹងពីអ្វីដែលកំពុងកើតឡើងចំពោះខ្លួន។</p>",
                        ),
                        (
                            "procedure",
                            {
                                "title": "បញ្ជីត្រួតពិនិត្យការតាមដាន",
                                "style": "checklist",
                                "steps": [
                                    "ទៅសួរសុខទុក្ខកុមារ ឬទូរស័ព្ទសួរ តាមពេលវេលាដែលបានព្រមព្រៀងគ្នា។",
                                    "ពិនិត្យថា កុមារបានទទួលការថែទាំសុខភាព ការប្រឹក្សាយោបល់ ឬជំនួយផ្លូវច្បាប់។",
                                    "សួរកុមារផ្ទាល់ ថាមានអារម្មណ៍ថាមានសុវត្ថិភាពឬទេ។",
                                    "ពិនិត្យថា កុមារបានត្រឡប់ទៅរៀន ឬទទួលបានការបណ្តុះបណ្តាលវិជ្ជាជីវៈ។",
                                    "កត់ត្រាការតាមដាន ហើយជូនដំណឹងដល់ដៃគូ បើមានបញ្ហាថ្មី។",
                                ],
                            },
                        ),
                        (
                            "scenario",
                            {
                                "title": "ត្រឡប់មកភូមិវិញ",
                                "situation": (
                                    "ស្រីមុំ អាយុ ១៥ ឆ្នាំ បានត្រឡប់មកភូមិវិញ ក្រោយពីស្នាក់នៅទីជម្រកអស់រយៈពេលពីរបីខែ។ "
                                    "អ្នកជិតខាងខ្លះនិយាយដើមនាង ហើយនាងមិនចង់ត្រឡប់ទៅរៀនវិញទេ។ "
                                    "គ្រួសាររបស់នាងក្រីក្រ ហើយមេខ្យល់ម្នាក់បានមកស្នើការងារឱ្យនាងម្តងទៀត។"
                                ),
                                "questions": [
                                    "តើស្រីមុំប្រឈមនឹងហានិភ័យអ្វីខ្លះ?",
                                    "តើក្រុមប្រឹក្សាឃុំ/សង្កាត់ គ.ក.ន.ក និងប៉ូលីស អាចធ្វើអ្វីខ្លះ ដើម្បីគាំទ្រនាង?",
                                    "តើអ្នកនឹងនិយាយជាមួយអ្នកជិតខាង ដោយមិនបង្ហាញព័ត៌មានរបស់នាង យ៉ាងដូចម្តេច?",
                                ],
                            },
                        ),
                        (
                            "practice",
                            {
                                "title": "ការគាំទ្រកុមារ ពេលត្រឡប់មកសហគមន៍វិញ",
                                "do": [
                                    "ជួយកុមារ និងគ្រួសារ ឱ្យភ្ជាប់ទៅនឹងសាលារៀន ឬការបណ្តុះបណ្តាលវិជ្ជាជីវៈ។",
                                    "រាយការណ៍អំពីមេខ្យល់ ទៅប៉ូលីស។",
                                ],
                                "dont": [
                                    "កុំនិយាយពីអតីតកាលរបស់កុមារ នៅក្នុងការប្រជុំភូមិ។",
                                    "កុំបន្ទោសកុមារ ឬគ្រួសារ នៅមុខអ្នកដទៃ។",
                                ],
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "ចំណុចសំខាន់",
                                "points": [
                                    "ការបញ្ជូនបន្ត មិនមែនជាទីបញ្ចប់ទេ។",
                                    "សួរកុមារផ្ទាល់ ពីសុវត្ថិភាព និងតម្រូវការរបស់ខ្លួន។",
                                    "ការតាមដានជាប្រចាំ ជួយការពារកុមារកុំឱ្យត្រូវគេជួញដូរម្តងទៀត។",
                                ],
                            },
                        ),
                    ],
                    "en": [
                        (
                            "text",
                            "<p>After referral, check that the child really received the services. "
                            "Is the child safe? Is the child back in school? "
                            "Is the family being threatened or pressured to withdraw the complaint?</p>"
                            "<p>Tell the child and the family how the case is going, in simple words. "
                            "The child has a right to know what is happening to them.</p>",
                        ),
                        (
                            "procedure",
                            {
                                "title": "Follow-up checklist",
                                "style": "checklist",
                                "steps": [
                                    "Visit or call the child at the agreed time.",
                                    "Check that the child received health care, counselling or legal aid.",
                                    "Ask the child directly whether they feel safe.",
                                    "Check that the child is back in school or in vocational training.",
                                    "Record the follow-up, and inform partners if there is a new problem.",
                                ],
                            },
                        ),
                        (
                            "scenario",
                            {
                                "title": "Back in the village",
                                "situation": (
                                    "Srey Mom, 15, comes back to her village after a few months in a shelter. Some "
                                    "neighbours gossip about her, and she does not want to go back to "
                                    "school. Her family "
                                    "is poor, and a broker has come again to offer her a job."
                                ),
                                "questions": [
                                    "What risks does Srey Mom face?",
                                    "What can the commune council, the CCWC and the police do to support her?",
                                    "How would you speak to the neighbours without revealing her information?",
                                ],
                            },
                        ),
                        (
                            "practice",
                            {
                                "title": "Supporting a child’s return to the community",
                                "do": [
                                    "Help the child and family connect with school or vocational training.",
                                    "Report the broker to the police.",
                                ],
                                "dont": [
                                    "Do not talk about the child’s past in village meetings.",
                                    "Do not blame the child or the family in front of others.",
                                ],
                            },
                        ),
                        (
                            "key_points",
                            {
                                "title": "Key points",
                                "points": [
                                    "Referral is not the end.",
                                    "Ask the child directly about their safety and needs.",
                                    "Regular follow-up helps protect the child from being trafficked again.",
                                ],
                            },
                        ),
                    ],
                },
            },
        ],
    },
]
