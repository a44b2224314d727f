"""Demo quizzes for the demo manual's five modules, in Khmer and English, drawn from each module's lessons.

Plain data: the loader (quizzes/demo/loader.py) turns it into Quiz, Question and Choice rows. Each choice is
(text_km, text_en, correct) or (text_km, text_en, correct, feedback_km, feedback_en). No statistics or article
numbers beyond those the lessons themselves quote.
"""

TRUE = ("ត្រូវ", "True")
FALSE = ("ខុស", "False")

INTRO = {
    "km": "សំណួរទាំងនេះ ពិនិត្យអ្វីដែលអ្នកបានរៀនក្នុងម៉ូឌុលនេះ។ ឆ្លើយម្តងមួយសំណួរ។ ចម្លើយរបស់អ្នកត្រូវបានរក្សាទុក រាល់ពេលអ្នកចុចបន្ត។",
    "en": "These questions check what you learned in this module. Answer one question at a time. "
    "Your answers are saved each time you continue.",
}


def true_false(*, answer: bool, feedback_true=("", ""), feedback_false=("", "")) -> list:
    """The two choices of a true-or-false question, True first."""
    return [
        (*TRUE, answer, *feedback_true),
        (*FALSE, not answer, *feedback_false),
    ]


QUIZZES = {
    "rights-of-the-child": {
        "title": {"km": "តេស្ត៖ សិទ្ធិកុមារ និងច្បាប់", "en": "Quiz: The rights of the child and the law"},
        "pass_mark": 70,
        "attempts_allowed": 0,
        "shuffle_choices": True,
        "questions": [
            {
                "kind": "single",
                "text": {
                    "km": "តាមអនុសញ្ញាស្តីពីសិទ្ធិកុមារ តើនរណាជាកុមារ?",
                    "en": "Under the Convention on the Rights of the Child, who is a child?",
                },
                "choices": [
                    ("មនុស្សគ្រប់រូបដែលមានអាយុក្រោម ១៨ ឆ្នាំ", "Every person below 18 years of age", True),
                    (
                        "មនុស្សគ្រប់រូបដែលមានអាយុក្រោម ១៥ ឆ្នាំ",
                        "Every person below 15 years of age",
                        False,
                        "អាយុកំណត់ គឺ ១៨ ឆ្នាំ មិនមែន ១៥ ឆ្នាំទេ។",
                        "The age limit is 18, not 15.",
                    ),
                    (
                        "អ្នកដែលមិនទាន់ធ្វើការ ឬមិនទាន់រៀបការ",
                        "A person who does not yet work and is not married",
                        False,
                        "កុមារដែលធ្វើការ ឬរៀបការហើយ នៅតែជាកុមារ។",
                        "A child who works or is married is still a child.",
                    ),
                ],
                "explanation": {
                    "km": "មាត្រា ១ នៃអនុសញ្ញា កំណត់ថា កុមារ គឺមនុស្សគ្រប់រូបដែលមានអាយុក្រោម ១៨ ឆ្នាំ។",
                    "en": "Article 1 of the Convention: a child is every human being below the age of 18.",
                },
            },
            {
                "kind": "true_false",
                "text": {
                    "km": "បើអ្នកមិនច្បាស់ថា អ្នកណាម្នាក់មានអាយុក្រោម ១៨ ឆ្នាំឬទេ អ្នកត្រូវចាត់ទុកគេជាមនុស្សពេញវ័យ រហូតដល់គេបង្ហាញភស្តុតាងអាយុ។",
                    "en": "If you are not sure whether a person is under 18, treat them as an adult "
                    "until they prove their age.",
                },
                "choices": true_false(answer=False),
                "explanation": {
                    "km": "បើមានការសង្ស័យ ត្រូវចាត់ទុកជាកុមារ រហូតដល់ដឹងអាយុពិតប្រាកដ។",
                    "en": "When in doubt, treat the person as a child until their real age is known.",
                },
            },
            {
                "kind": "multiple",
                "scoring": "all",
                "text": {
                    "km": "នៅពេលមិនច្បាស់ពីអាយុ តើអ្វីខ្លះជាការធ្វើត្រឹមត្រូវ? ជ្រើសរើសចម្លើយទាំងអស់ដែលត្រូវ។",
                    "en": "When a person's age is not clear, which actions are right? Choose all that apply.",
                },
                "choices": [
                    (
                        "សុំមើលសំបុត្រកំណើត សៀវភៅគ្រួសារ ឬអត្តសញ្ញាណប័ណ្ណ ដោយសុភាព",
                        "Politely ask to see a birth certificate, family book or ID card",
                        True,
                    ),
                    (
                        "សុំឱ្យក្រុមប្រឹក្សាឃុំ/សង្កាត់ ជួយពិនិត្យបញ្ជីអត្រានុកូលដ្ឋាន",
                        "Ask the commune/sangkat council to help check the civil registration records",
                        True,
                    ),
                    (
                        "ទាយអាយុ ដោយមើលកម្ពស់ ឬរូបរាង",
                        "Guess the age from height or looks",
                        False,
                        "កម្ពស់ និងរូបរាង មិនប្រាប់អាយុពិតទេ។",
                        "Height and looks do not tell the real age.",
                    ),
                    (
                        "ឃុំអ្នកនោះរួមជាមួយមនុស្សពេញវ័យ ពេលកំពុងពិនិត្យអាយុ",
                        "Hold the person with adults while you check the age",
                        False,
                        "អ្នកនោះអាចជាកុមារ៖ កុំដាក់រួមជាមួយមនុស្សពេញវ័យ។",
                        "The person may be a child: never hold them with adults.",
                    ),
                ],
                "explanation": {
                    "km": "ពិនិត្យអាយុដោយប្រើឯកសារ និងជំនួយពីក្រុមប្រឹក្សាឃុំ/សង្កាត់ ហើយចាត់ទុកជាកុមារ រហូតដល់ដឹងអាយុពិតប្រាកដ។",
                    "en": "Check the age with documents and the commune/sangkat council's help, "
                    "and treat the person as a child until the real age is known.",
                },
            },
            {
                "kind": "single",
                "text": {
                    "km": "នៅម៉ោង ១០ យប់ ល្បាតប៉ូលីសជួបក្មេងស្រីម្នាក់ អាយុប្រហែល ១៤ ឆ្នាំ នៅម្នាក់ឯង"
                    "នៅស្ថានីយឡាន។ មិត្តរួមការងារម្នាក់ស្នើឱ្យនាងដេកក្នុងបន្ទប់ឃុំខ្លួននៅប៉ុស្តិ៍ប៉ូលីស។ "
                    "តើអ្វីជាឧត្តមប្រយោជន៍របស់នាង?",
                    "en": "At 10 p.m. a patrol finds a girl of about 14 alone at the bus station. "
                    "A colleague suggests she sleeps in the cell at the police post. What is in her best interests?",
                },
                "choices": [
                    (
                        "រកកន្លែងស្នាក់នៅដែលមានសុវត្ថិភាព ដោយមានជំនួយពីបុគ្គលបង្គោល គ.ក.ន.ក ហើយពិនិត្យថាអ្នកដែលមកទទួលនាងជានរណា",
                        "Find a safe place for her to stay with the CCWC focal point's help, "
                        "and check who comes to collect her",
                        True,
                    ),
                    (
                        "ឱ្យនាងដេកក្នុងបន្ទប់ឃុំខ្លួន ព្រោះយប់ជ្រៅហើយ",
                        "Let her sleep in the cell, because it is late",
                        False,
                        "នេះងាយស្រួលសម្រាប់យើង ប៉ុន្តែមិនល្អសម្រាប់កុមារទេ។",
                        "This is easiest for us, not best for the child.",
                    ),
                    (
                        "ទុកនាងនៅស្ថានីយឡាន រហូតដល់មីងរបស់នាងមកដល់",
                        "Leave her at the bus station until her aunt arrives",
                        False,
                        "នាងនៅតែគ្មានសុវត្ថិភាពពេញមួយយប់។",
                        "She would stay unsafe all night.",
                    ),
                ],
                "explanation": {
                    "km": "ឧត្តមប្រយោជន៍របស់កុមារ ត្រូវគិតជាមុន៖ តើកុមារមានសុវត្ថិភាពឥឡូវនេះឬទេ? "
                    "បន្ទប់ឃុំខ្លួន មិនមែនជាកន្លែងសម្រាប់កុមាររងគ្រោះទេ។",
                    "en": "The child's best interests come first: is the child safe right now? "
                    "A cell is no place for a child at risk.",
                },
            },
            {
                "kind": "multiple",
                "scoring": "partial",
                "text": {
                    "km": "តើទម្រង់នៃការកេងប្រវ័ញ្ចណាខ្លះ ដែលមាត្រា ២ នៃពិធីសារបន្ថែម (OPSC) កំណត់និយមន័យ? ជ្រើសរើសចម្លើយទាំងអស់ដែលត្រូវ។",
                    "en": "Which forms of exploitation does Article 2 of the Optional Protocol (OPSC) define? "
                    "Choose all that apply.",
                },
                "choices": [
                    ("ការលក់កុមារ", "Sale of children", True),
                    ("ពេស្យាចារកុមារ", "Child prostitution", True),
                    ("រូបភាពអាសអាភាសកុមារ", "Child pornography", True),
                    ("កុមារជួយការងារស្រែរបស់គ្រួសារ", "A child helping in the family's rice field", False),
                ],
                "explanation": {
                    "km": "ពិធីសារបន្ថែម ដែលកម្ពុជាផ្តល់សច្ចាប័ននៅឆ្នាំ២០០២ កំណត់និយមន័យ ការលក់កុមារ ពេស្យាចារកុមារ និងរូបភាពអាសអាភាសកុមារ។",
                    "en": "The Optional Protocol, ratified by Cambodia in 2002, defines the sale of "
                    "children, child prostitution and child pornography.",
                },
            },
            {
                "kind": "true_false",
                "text": {
                    "km": "គ្រួសាររបស់កុមារដែលរងការរំលោភផ្លូវភេទ អាចសម្រុះសម្រួលករណីជាមួយគ្រួសារជនល្មើស ដោយទទួលយកប្រាក់បាន។",
                    "en": "The family of a child who was sexually abused may settle the case with the "
                    "offender's family for money.",
                },
                "choices": true_false(answer=False),
                "explanation": {
                    "km": "ការជួញដូរ និងការកេងប្រវ័ញ្ចផ្លូវភេទលើកុមារ ជាបទល្មើសធ្ងន់ធ្ងរ។ បទល្មើសទាំងនេះ "
                    "មិនអាចបញ្ចប់ដោយប្រាក់ ឬការព្រមព្រៀងរវាងគ្រួសារបានទេ។ ត្រូវរាយការណ៍ទៅប៉ូលីសយុត្តិធម៌ភ្លាមៗ។",
                    "en": "Trafficking and sexual exploitation of children are serious crimes. They cannot be "
                    "ended with money or an agreement between families. Report to the judicial police at once.",
                },
            },
        ],
    },
    "sale-trafficking-and-sexual-exploitation": {
        "title": {
            "km": "តេស្ត៖ ការលក់កុមារ ការជួញដូរ និងការកេងប្រវ័ញ្ចផ្លូវភេទ",
            "en": "Quiz: Sale of children, trafficking and sexual exploitation",
        },
        "pass_mark": 70,
        "attempts_allowed": 3,
        "shuffle_choices": True,
        "questions": [
            {
                "kind": "multiple",
                "scoring": "partial",
                "text": {
                    "km": "តើអ្វីខ្លះអាចជាសញ្ញាព្រមាននៃការជួញដូរ? ជ្រើសរើសចម្លើយទាំងអស់ដែលត្រូវ។",
                    "en": "Which of these can be warning signs of trafficking? Choose all that apply.",
                },
                "choices": [
                    (
                        "កុមារធ្វើដំណើរជាមួយមនុស្សពេញវ័យ ដែលមិនមែនជាឪពុកម្តាយ ហើយមិនអាចពន្យល់ពីទំនាក់ទំនងបានច្បាស់",
                        "A child travels with an adult who is not a parent and cannot clearly explain the relationship",
                        True,
                    ),
                    (
                        "មនុស្សពេញវ័យជាអ្នកកាន់ឯកសារអត្តសញ្ញាណរបស់កុមារ",
                        "An adult keeps the child's identity documents",
                        True,
                    ),
                    (
                        "កុមារមើលមុខមនុស្សពេញវ័យ មុននឹងនិយាយ",
                        "The child looks at the adult before speaking",
                        True,
                    ),
                    (
                        "កុមារធ្វើដំណើរតាមឡានក្រុង ជាមួយឪពុកម្តាយទាំងពីរ",
                        "The child travels by bus with both parents",
                        False,
                        "ការធ្វើដំណើរជាមួយឪពុកម្តាយ មិនមែនជាសញ្ញាព្រមានទេ។",
                        "Travelling with both parents is not a warning sign.",
                    ),
                ],
                "explanation": {
                    "km": "មើលស្ថានការណ៍ទាំងមូល៖ កុមារគ្មានឯកសារ ឬមនុស្សពេញវ័យកាន់ឯកសារ ភាពភ័យខ្លាច និងទំនាក់ទំនងមិនច្បាស់ ជាសញ្ញាព្រមាន។",
                    "en": "Look at the whole situation: missing or withheld documents, fear and an unclear "
                    "relationship are warning signs.",
                },
            },
            {
                "kind": "true_false",
                "text": {
                    "km": "សញ្ញាព្រមានតែមួយ គ្រប់គ្រាន់ដើម្បីបញ្ជាក់ថា មានបទល្មើសកើតឡើង។",
                    "en": "One warning sign alone proves that a crime has been committed.",
                },
                "choices": true_false(answer=False),
                "explanation": {
                    "km": "សញ្ញាតែមួយ មិនទាន់បញ្ជាក់ថាមានបទល្មើសទេ។ សង្កេតដោយស្ងាត់ៗ កត់ត្រា ហើយមើលស្ថានការណ៍ទាំងមូល។",
                    "en": "One sign alone does not prove a crime. Watch quietly, write down what you see, "
                    "and look at the whole situation.",
                },
            },
            {
                "kind": "single",
                "text": {
                    "km": "តើអ្នកគួរសួរមនុស្សពេញវ័យ និងកុមារដែលធ្វើដំណើរជាមួយគ្នា នៅចំណុចត្រួតពិនិត្យ យ៉ាងដូចម្តេច?",
                    "en": "At a checkpoint, how should you question an adult and a child travelling together?",
                },
                "choices": [
                    (
                        "សួរដោយឡែកពីគ្នា ដោយប្រើសំណួរសាមញ្ញ ហើយប្រៀបធៀបចម្លើយដោយស្ងប់ស្ងាត់",
                        "Separately, with simple questions, then compare the answers calmly",
                        True,
                    ),
                    (
                        "សួរជាមួយគ្នា ដើម្បីឱ្យមនុស្សពេញវ័យជួយកុមារឆ្លើយ",
                        "Together, so that the adult can help the child answer",
                        False,
                        "នៅមុខមនុស្សពេញវ័យ កុមារអាចមិនហ៊ាននិយាយការពិត។",
                        "In front of the adult, the child may not dare to tell the truth.",
                    ),
                    (
                        "សួរតែមនុស្សពេញវ័យ ព្រោះមិនចាំបាច់សួរកុមារទេ",
                        "Only the adult: there is no need to ask the child",
                        False,
                    ),
                ],
                "explanation": {
                    "km": "សួរដោយឡែកពីគ្នា ហើយប្រៀបធៀបចម្លើយដោយស្ងប់ស្ងាត់។ បើមានការសង្ស័យ "
                    "ត្រូវរក្សាកុមារឱ្យមានសុវត្ថិភាព ហើយទាក់ទងថ្នាក់លើ។",
                    "en": "Ask separately and compare the answers calmly. If you have concerns, keep the child "
                    "safe and contact your supervisor.",
                },
            },
            {
                "kind": "single",
                "text": {
                    "km": "នៅពេលអ្នកជួបកុមារដែលប្រឈមនឹងគ្រោះថ្នាក់ជាលើកដំបូង តើភារកិច្ចដំបូងរបស់អ្នកគឺអ្វី?",
                    "en": "When you first find a child at risk, what is your first task?",
                },
                "choices": [
                    (
                        "ធ្វើឱ្យកុមារមានសុវត្ថិភាព ហើយពិនិត្យតម្រូវការផ្នែកវេជ្ជសាស្ត្របន្ទាន់",
                        "Make the child safe and check urgent medical needs",
                        True,
                    ),
                    (
                        "ចាប់ផ្តើមស៊ើបអង្កេត ហើយកត់ចម្លើយកុមារ",
                        "Start the investigation and take the child's statement",
                        False,
                        "សុវត្ថិភាពមុន ការស៊ើបអង្កេតក្រោយ។",
                        "Safety first, investigation after.",
                    ),
                    (
                        "ទូរស័ព្ទទៅឪពុកម្តាយភ្លាម គ្រប់ករណីទាំងអស់",
                        "Call the parents at once, in every case",
                        False,
                        "ទាក់ទងឪពុកម្តាយ លុះត្រាតែមានសុវត្ថិភាព ព្រោះជួនកាលពួកគេអាចពាក់ព័ន្ធ។",
                        "Contact the parents only if it is safe: sometimes they may be involved.",
                    ),
                ],
                "explanation": {
                    "km": "ភារកិច្ចដំបូង មិនមែនជាការស៊ើបអង្កេតទេ គឺធ្វើឱ្យកុមារមានសុវត្ថិភាព និងមានអារម្មណ៍ថាមានសុវត្ថិភាព។",
                    "en": "Your first task is not the investigation: it is to make the child safe, "
                    "and help the child feel safe.",
                },
            },
            {
                "kind": "true_false",
                "text": {
                    "km": "កុមារដែលនិយាយថា ខ្លួនយល់ព្រមធ្វើការងារនោះ ហើយបានទទួលប្រាក់ នៅតែជាជនរងគ្រោះនៃការកេងប្រវ័ញ្ច។",
                    "en": "A child who says she agreed to the work and received money is still "
                    "a victim of exploitation.",
                },
                "choices": true_false(answer=True),
                "explanation": {
                    "km": "ការ «យល់ព្រម» របស់កុមារ មិនធ្វើឱ្យការកេងប្រវ័ញ្ចក្លាយជារឿងត្រឹមត្រូវឡើយ។ "
                    "ត្រូវផ្តោតលើអ្នកកេងប្រវ័ញ្ច មិនមែនលើកុមារទេ។",
                    "en": "A child's \u201cconsent\u201d never makes exploitation acceptable. "
                    "Focus on the exploiters, not on the child.",
                },
            },
            {
                "kind": "multiple",
                "scoring": "all",
                "text": {
                    "km": "តើពាក្យណាខ្លះ ដែលគួរនិយាយជាមួយកុមារដែលរងការកេងប្រវ័ញ្ចផ្លូវភេទ? ជ្រើសរើសចម្លើយទាំងអស់ដែលត្រូវ។",
                    "en": "Which words should you use with a child who has been sexually exploited? "
                    "Choose all that apply.",
                },
                "choices": [
                    ("«នេះមិនមែនជាកំហុសរបស់ប្អូនទេ។»", "\u201cThis is not your fault.\u201d", True),
                    (
                        "«ប្អូនបានធ្វើត្រូវហើយ ដែលបានប្រាប់បង។»",
                        "\u201cYou did the right thing by telling me.\u201d",
                        True,
                    ),
                    (
                        "«ហេតុអ្វីក៏ប្អូនទៅតាមគេ?»",
                        "\u201cWhy did you go with him?\u201d",
                        False,
                        "សំណួរនេះ ធ្វើឱ្យកុមារមានអារម្មណ៍ថាខ្លួនជាអ្នកខុស។",
                        "This question makes the child feel to blame.",
                    ),
                ],
                "explanation": {
                    "km": "ហៅកុមារតាមឈ្មោះ និយាយដោយសំឡេងស្ងប់ ហើយប្រាប់កុមារថា នេះមិនមែនជាកំហុសរបស់កុមារទេ។",
                    "en": "Call the child by name, speak calmly, and tell the child it is not their fault.",
                },
            },
        ],
    },
    "child-friendly-interviewing": {
        "title": {
            "km": "តេស្ត៖ ការសម្ភាសកុមារ តាមបែបកុមារមេត្រី",
            "en": "Quiz: Child-friendly interviewing",
        },
        "pass_mark": 70,
        "attempts_allowed": 0,
        "shuffle_choices": True,
        "questions": [
            {
                "kind": "multiple",
                "scoring": "partial",
                "text": {
                    "km": "តើអ្វីខ្លះ ដែលត្រូវមានក្នុងបញ្ជីត្រួតពិនិត្យ មុនពេលសម្ភាសកុមារ? ជ្រើសរើសចម្លើយទាំងអស់ដែលត្រូវ។",
                    "en": "Which belong on the checklist before interviewing a child? Choose all that apply.",
                },
                "choices": [
                    ("បន្ទប់ស្ងាត់ និងឯកជន", "A quiet, private room", True),
                    (
                        "មនុស្សពេញវ័យដែលកុមារទុកចិត្ត ដែលមិនមែនជាជនសង្ស័យ",
                        "A trusted adult who is not a suspect",
                        True,
                    ),
                    (
                        "អ្នកបកប្រែ បើកុមារនិយាយភាសាផ្សេង",
                        "An interpreter, if the child speaks another language",
                        True,
                    ),
                    (
                        "អាវុធនៅលើតុ ដើម្បីបង្ហាញអំណាច",
                        "Weapons on the table, to show authority",
                        False,
                        "មិនត្រូវយកអាវុធចូលក្នុងបន្ទប់ទេ។",
                        "No weapons in the room.",
                    ),
                    (
                        "មន្ត្រីឱ្យបានច្រើនបំផុត នៅក្នុងបន្ទប់",
                        "As many officers as possible in the room",
                        False,
                        "មនុស្សច្រើនពេក ធ្វើឱ្យកុមារភ័យខ្លាច។",
                        "Too many people frighten the child.",
                    ),
                ],
                "explanation": {
                    "km": "កន្លែងស្ងាត់ មនុស្សពេញវ័យដែលកុមារទុកចិត្ត និងពេលវេលាគ្រប់គ្រាន់ ការពារកុមារ និងធ្វើឱ្យភស្តុតាងកាន់តែរឹងមាំ។",
                    "en": "A quiet place, a trusted adult and enough time protect the child "
                    "and make the evidence stronger.",
                },
            },
            {
                "kind": "single",
                "text": {"km": "តើសំណួរណាមួយជាសំណួរបើកចំហ?", "en": "Which one is an open question?"},
                "choices": [
                    ("«ប្រាប់បងពីអ្វីដែលបានកើតឡើង។»", "\u201cTell me what happened.\u201d", True),
                    (
                        "«គាត់ប៉ះប្អូន មែនទេ?»",
                        "\u201cHe touched you, didn't he?\u201d",
                        False,
                        "សំណួរនេះ ដាក់ចម្លើយក្នុងមាត់កុមារ។",
                        "This question puts the answer in the child's mouth.",
                    ),
                    (
                        "«គឺបុរសដែលជិះម៉ូតូក្រហម មែនទេ?»",
                        "\u201cIt was the man with the red motorbike, right?\u201d",
                        False,
                        "នេះជាសំណួរណែនាំចម្លើយ។",
                        "This is a leading question.",
                    ),
                ],
                "explanation": {
                    "km": "សំណួរបើកចំហ ឱ្យកុមារប្រាប់រឿងរ៉ាវដោយសេរី។ កុមារច្រើនតែយល់ព្រមតាមមនុស្សពេញវ័យ "
                    "ទោះបីវាមិនពិតក៏ដោយ ដូច្នេះសំណួរណែនាំចម្លើយ អាចធ្វើឱ្យករណីចុះខ្សោយនៅតុលាការ។",
                    "en": "Open questions let the child tell the story freely. Children often agree with adults "
                    "even when it is not true, so leading questions can weaken the case in court.",
                },
            },
            {
                "kind": "true_false",
                "text": {
                    "km": "«ខ្ញុំមិនដឹង» ជាចម្លើយដែលកុមារអាចឆ្លើយបាន ក្នុងពេលសម្ភាសន៍។",
                    "en": "\u201cI don't know\u201d is an acceptable answer for a child in an interview.",
                },
                "choices": true_false(answer=True),
                "explanation": {
                    "km": "ប្រាប់កុមារតាំងពីដំបូងថា កុមារអាចនិយាយថា «ខ្ញុំមិនដឹង» ឬ «ខ្ញុំមិនយល់» ហើយអាចសុំសម្រាកបានគ្រប់ពេល។",
                    "en": "Tell the child at the start that they can say \u201cI don't know\u201d or "
                    "\u201cI don't understand\u201d, and can ask for a break at any time.",
                },
            },
            {
                "kind": "true_false",
                "text": {
                    "km": "ការសួរកុមារនូវសំណួរដដែលៗ ម្តងហើយម្តងទៀត ជួយឱ្យរកឃើញការពិត។",
                    "en": "Asking a child the same question again and again helps to find the truth.",
                },
                "choices": true_false(answer=False),
                "explanation": {
                    "km": "សំណួរដដែលៗ ធ្វើឱ្យកុមារគិតថា អ្នកមិនជឿ ហើយកុមារអាចប្តូរចម្លើយ ដើម្បីផ្គាប់ចិត្តមនុស្សពេញវ័យ។",
                    "en": "Repeated questions tell the child you do not believe them, and the child may "
                    "change the answer to please the adult.",
                },
            },
            {
                "kind": "single",
                "text": {
                    "km": "ហេតុអ្វីបានជាកុមារគួរប្រាប់រឿងរ៉ាវរបស់ខ្លួនតែម្តង?",
                    "en": "Why should a child tell their story only once?",
                },
                "choices": [
                    (
                        "រាល់ពេលដែលកុមារនិយាយរឿងឈឺចាប់ម្តងទៀត កុមារហាក់ដូចជារងទុក្ខម្តងទៀត",
                        "Each time a child retells a painful story, it is as if they suffer it again",
                        True,
                    ),
                    (
                        "ព្រោះមន្ត្រីមិនមានពេលសម្រាប់សម្ភាសន៍លើកទីពីរ",
                        "Because officers have no time for a second interview",
                        False,
                    ),
                    (
                        "ព្រោះចម្លើយដំបូងរបស់កុមារ តែងតែពេញលេញ",
                        "Because a child's first answer is always complete",
                        False,
                    ),
                ],
                "explanation": {
                    "km": "សម្របសម្រួលជាមួយអ្នកពាក់ព័ន្ធ ដើម្បីឱ្យមានសម្ភាសន៍តែម្តង ហើយកត់ត្រាឱ្យបានល្អ ដើម្បីឱ្យអ្នកផ្សេងអាចប្រើកំណត់ត្រានោះ។",
                    "en": "Coordinate with everyone involved so there is only one interview, and record it well "
                    "so that others can use the record.",
                },
            },
            {
                "kind": "multiple",
                "scoring": "all",
                "text": {
                    "km": "តើការធ្វើណាខ្លះ ដែលរក្សាឯកជនភាពរបស់កុមារ? ជ្រើសរើសចម្លើយទាំងអស់ដែលត្រូវ។",
                    "en": "Which of these keep the child's information private? Choose all that apply.",
                },
                "choices": [
                    (
                        "ប្រើលេខករណី ឬអក្សរកាត់ឈ្មោះ ក្នុងរបាយការណ៍ដែលចែកចាយទូលំទូលាយ",
                        "Use a case number or initials in reports that are shared widely",
                        True,
                    ),
                    ("ទុកឯកសារ នៅក្នុងទូចាក់សោ", "Keep files in a locked cabinet", True),
                    (
                        "បង្ហោះអំពីករណីនេះ ក្នុងក្រុមឆាត",
                        "Post about the case in a chat group",
                        False,
                        "ការបែកធ្លាយព័ត៌មាន អាចធ្វើឱ្យកុមារប្រឈមនឹងគ្រោះថ្នាក់ និងការមាក់ងាយ។",
                        "A leak can expose the child to danger and stigma.",
                    ),
                    (
                        "ប្រាប់ភូមិរបស់កុមារ ដល់អ្នកសារព័ត៌មាន",
                        "Give the child's village to a journalist",
                        False,
                    ),
                ],
                "explanation": {
                    "km": "ឈ្មោះ រូបថត សាលារៀន និងភូមិរបស់កុមារ មិនត្រូវផ្សព្វផ្សាយឡើយ។",
                    "en": "The child's name, photo, school and village must never be made public.",
                },
            },
        ],
    },
    "children-in-conflict-with-the-law": {
        "title": {"km": "តេស្ត៖ កុមារប៉ះទង្គិចនឹងច្បាប់", "en": "Quiz: Children in conflict with the law"},
        "pass_mark": 70,
        "attempts_allowed": 0,
        "shuffle_choices": False,
        "questions": [
            {
                "kind": "true_false",
                "text": {
                    "km": "កុមារដែលត្រូវសង្ស័យថាបានប្រព្រឹត្តបទល្មើស បាត់បង់សិទ្ធិជាកុមារ។",
                    "en": "A child suspected of an offence loses the rights of a child.",
                },
                "choices": true_false(answer=False),
                "explanation": {
                    "km": "កុមារដែលត្រូវសង្ស័យ នៅតែជាកុមារ។ ឧត្តមប្រយោជន៍របស់កុមារ អនុវត្តចំពោះកុមារទាំងនេះផងដែរ។",
                    "en": "A child suspect is still a child. The best interests of the child apply to them too.",
                },
            },
            {
                "kind": "single",
                "text": {
                    "km": "តើពេលណាដែលអាចប្រើការឃុំខ្លួនចំពោះកុមារ?",
                    "en": "When may a child be detained?",
                },
                "choices": [
                    (
                        "ជាជម្រើសចុងក្រោយប៉ុណ្ណោះ និងក្នុងរយៈពេលខ្លីបំផុត",
                        "Only as a last resort, and for the shortest possible time",
                        True,
                    ),
                    ("គ្រប់ពេលដែលកុមារលួចអ្វីមួយ", "Whenever a child has stolen something", False),
                    (
                        "ដើម្បីបំភ័យកុមារ កុំឱ្យប្រព្រឹត្តខុសទៀត",
                        "To frighten the child so they do not offend again",
                        False,
                        "កុំប្រើការឃុំខ្លួន ដើម្បីដាក់ទោស ឬបំភ័យកុមារ។",
                        "Never use detention to punish or frighten a child.",
                    ),
                ],
                "explanation": {
                    "km": "ការឃុំខ្លួន អាចបង្កគ្រោះថ្នាក់ដល់កុមារ ទាំងផ្លូវកាយ និងផ្លូវចិត្ត។",
                    "en": "Detention can harm a child, physically and emotionally.",
                },
            },
            {
                "kind": "multiple",
                "scoring": "partial",
                "text": {
                    "km": "បើត្រូវឃាត់ខ្លួនកុមារ តើអ្នកត្រូវធ្វើអ្វីខ្លះ? ជ្រើសរើសចម្លើយទាំងអស់ដែលត្រូវ។",
                    "en": "If a child has to be held, what must you do? Choose all that apply.",
                },
                "choices": [
                    (
                        "ជូនដំណឹងដល់ឪពុកម្តាយ ឬអាណាព្យាបាលភ្លាមៗ",
                        "Inform the parents or guardian at once",
                        True,
                    ),
                    (
                        "រក្សាកុមារឱ្យនៅដាច់ដោយឡែកពីមនុស្សពេញវ័យ",
                        "Keep the child separate from adults",
                        True,
                    ),
                    (
                        "ពន្យល់កុមារពីមូលហេតុនៃការឃាត់ខ្លួន ជាពាក្យសាមញ្ញ",
                        "Explain to the child in simple words why they are being held",
                        True,
                    ),
                    (
                        "សួរចម្លើយកុមារតែម្នាក់ឯង ដោយគ្មានមនុស្សពេញវ័យដែលកុមារទុកចិត្ត",
                        "Question the child alone, without a trusted adult",
                        False,
                        "កុំសួរចម្លើយកុមារ ដោយគ្មានឪពុកម្តាយ ឬមនុស្សពេញវ័យដែលកុមារទុកចិត្តនៅជាមួយ។",
                        "Never question a child without a parent or trusted adult present.",
                    ),
                    (
                        "ទុកកុមារនៅប៉ុស្តិ៍ពេញមួយយប់ ដើម្បីឱ្យរៀនមេរៀន",
                        "Keep the child at the post overnight to teach them a lesson",
                        False,
                    ),
                ],
                "explanation": {
                    "km": "ជូនដំណឹងដល់ឪពុកម្តាយភ្លាមៗ រក្សាកុមារឱ្យដាច់ពីមនុស្សពេញវ័យ ពន្យល់ជាពាក្យសាមញ្ញ "
                    "ហើយរកជម្រើសផ្សេងក្រៅពីការឃុំខ្លួន ឱ្យបានឆាប់។",
                    "en": "Inform the parents at once, keep the child apart from adults, explain in simple words, "
                    "and look early for alternatives to detention.",
                },
            },
            {
                "kind": "single",
                "text": {
                    "km": "នៅផ្សារ ហ្វូងមនុស្សចាប់ក្មេងប្រុសម្នាក់ អាយុប្រហែល ១៤ ឆ្នាំ ដែលបានលួចទូរស័ព្ទ ហើយបុរសម្នាក់ទះគេ។ តើអ្នកធ្វើអ្វីមុនគេ?",
                    "en": "At the market, a crowd has caught a boy of about 14 who stole a phone, and a man "
                    "slaps him. What do you do first?",
                },
                "choices": [
                    (
                        "ការពារក្មេងប្រុសនោះ ពីអំពើហិង្សារបស់ហ្វូងមនុស្ស",
                        "Protect the boy from the crowd's violence",
                        True,
                    ),
                    (
                        "ទុកឱ្យហ្វូងមនុស្សដាក់ទោសគេសិន រួចនាំទៅប៉ុស្តិ៍",
                        "Let the crowd punish him first, then take him to the post",
                        False,
                    ),
                    (
                        "ដាក់គេក្នុងបន្ទប់ឃុំខ្លួនជាមួយមនុស្សពេញវ័យ រហូតដល់គ្រួសារមកដល់",
                        "Put him in a cell with adults until his family arrives",
                        False,
                        "កុំដាក់កុមារក្នុងបន្ទប់ឃុំខ្លួន រួមជាមួយមនុស្សពេញវ័យ។",
                        "Never put a child in a cell with adults.",
                    ),
                ],
                "explanation": {
                    "km": "ការពារកុមារពីអំពើហិង្សារបស់ហ្វូងមនុស្ស ប្រគល់ទ្រព្យសម្បត្តិទៅម្ចាស់វិញ ហើយកត់ត្រាព័ត៌មាន។",
                    "en": "Protect the child from violence by the crowd, return the property to its owner "
                    "and record the details.",
                },
            },
            {
                "kind": "true_false",
                "text": {
                    "km": "បទល្មើសផ្លូវភេទលើកុមារ អាចដោះស្រាយតាមរយៈការបង្វែរ ឬការព្រមព្រៀងឯកជនបាន។",
                    "en": "A sexual offence against a child may be dealt with through diversion "
                    "or a private agreement.",
                },
                "choices": true_false(answer=False),
                "explanation": {
                    "km": "ការបង្វែរ មិនមែនជាការលាក់បាំងបទល្មើសធ្ងន់ធ្ងរទេ។ បទល្មើសផ្លូវភេទលើកុមារ "
                    "មិនត្រូវដោះស្រាយដោយការសម្រុះសម្រួលឯកជនឡើយ។",
                    "en": "Diversion is not a way to hide serious crimes. Sexual offences against a child "
                    "must never be settled privately.",
                },
            },
            {
                "kind": "multiple",
                "scoring": "all",
                "text": {
                    "km": "មុននឹងជ្រើសរើសការបង្វែរ តើលក្ខខណ្ឌណាខ្លះដែលត្រូវមាន? ជ្រើសរើសចម្លើយទាំងអស់ដែលត្រូវ។",
                    "en": "Before choosing diversion, which conditions must be met? Choose all that apply.",
                },
                "choices": [
                    (
                        "រឿងនេះតូចតាច ហើយមិនបង្កការខូចខាតធ្ងន់ធ្ងរដល់អ្នកដទៃ",
                        "The matter is minor and caused no serious harm to others",
                        True,
                    ),
                    (
                        "កុមារទទួលស្គាល់អ្វីដែលខ្លួនបានធ្វើ ដោយសេរី និងគ្មានការបង្ខិតបង្ខំ",
                        "The child freely admits what they did, without pressure",
                        True,
                    ),
                    (
                        "ថ្នាក់លើ ឬអាជ្ញាធរមានសមត្ថកិច្ច បានយល់ព្រម ហើយសេចក្តីសម្រេចត្រូវបានកត់ត្រា",
                        "Your superior or the competent authority has agreed, and the decision is recorded",
                        True,
                    ),
                    (
                        "គ្រួសារបង់ប្រាក់ឱ្យមន្ត្រី",
                        "The family pays the officer",
                        False,
                        "កុំទាមទារប្រាក់ ឬអំណោយពីគ្រួសារ។",
                        "Never ask the family for money or gifts.",
                    ),
                ],
                "explanation": {
                    "km": "ការបង្វែរ ត្រូវធ្វើតាមច្បាប់ និងមានការយល់ព្រមពីអាជ្ញាធរមានសមត្ថកិច្ច។",
                    "en": "Diversion must follow the law, with the agreement of the competent authority.",
                },
            },
        ],
    },
    "referral-and-reporting": {
        "title": {"km": "តេស្ត៖ ការបញ្ជូនបន្ត និងការរាយការណ៍", "en": "Quiz: Referral and reporting"},
        "pass_mark": 70,
        "attempts_allowed": 0,
        "shuffle_choices": True,
        "questions": [
            {
                "kind": "single",
                "text": {
                    "km": "តើនរណាជាអ្នកភ្ជាប់កុមារ និងគ្រួសារ ទៅនឹងសេវា ហើយតាមដានករណី?",
                    "en": "Who links the child and family with services, and follows up the case?",
                },
                "choices": [
                    (
                        "គណៈកម្មាធិការទទួលបន្ទុកកិច្ចការនារី និងកុមារឃុំ/សង្កាត់ (គ.ក.ន.ក)",
                        "The Commune Committee for Women and Children (CCWC)",
                        True,
                    ),
                    (
                        "ប៉ូលីសយុត្តិធម៌",
                        "The judicial police",
                        False,
                        "ប៉ូលីសយុត្តិធម៌ ស៊ើបអង្កេតបទល្មើស និងប្រមូលភស្តុតាង។",
                        "The judicial police investigate offences and gather evidence.",
                    ),
                    (
                        "មេភូមិ",
                        "The village chief",
                        False,
                        "មេភូមិ ជារឿយៗជាអ្នកដំបូងដែលដឹងពីករណី ហើយរាយការណ៍ទៅប៉ូលីស និងក្រុមប្រឹក្សាឃុំ/សង្កាត់។",
                        "The village chief often hears first, and reports to the police and the commune council.",
                    ),
                ],
                "explanation": {
                    "km": "គ្មាននរណាម្នាក់អាចការពារកុមារតែម្នាក់ឯងបានទេ៖ ស្គាល់តួនាទីរបស់អ្នក និងតួនាទីរបស់ដៃគូ។",
                    "en": "No one can protect a child alone: know your role and your partners' roles.",
                },
            },
            {
                "kind": "true_false",
                "text": {
                    "km": "របាយការណ៍អំពីកុមារ គួរតែបដិសេធ បើវាជា «រឿងក្នុងគ្រួសារ»។",
                    "en": "A report about a child should be refused if it is a \u201cfamily matter\u201d.",
                },
                "choices": true_false(answer=False),
                "explanation": {
                    "km": "អរគុណអ្នកដែលរាយការណ៍ ហើយទទួលយករបាយការណ៍ ទោះបីព័ត៌មានមិនទាន់ពេញលេញក៏ដោយ។",
                    "en": "Thank the person who reports, and accept the report even if the information "
                    "is not complete.",
                },
            },
            {
                "kind": "single",
                "text": {
                    "km": "ក្នុងផ្លូវនៃការបញ្ជូនបន្ត តើត្រូវធ្វើអ្វីភ្លាមៗ បន្ទាប់ពីទទួលរបាយការណ៍?",
                    "en": "On the referral pathway, what comes right after receiving the report?",
                },
                "choices": [
                    (
                        "ធ្វើឱ្យកុមារមានសុវត្ថិភាព ហើយរកជំនួយផ្នែកវេជ្ជសាស្ត្រ បើត្រូវការ",
                        "Make the child safe, and get medical help if needed",
                        True,
                    ),
                    (
                        "បិទករណី នៅពេលប្រគល់ឯកសាររួច",
                        "Close the case once the form is handed over",
                        False,
                    ),
                    (
                        "ប្រាប់ជនសង្ស័យ ថានរណាជាអ្នករាយការណ៍",
                        "Tell the suspect who made the report",
                        False,
                        "កុំប្រាប់ជនសង្ស័យ ថានរណាជាអ្នករាយការណ៍។",
                        "Never tell the suspect who made the report.",
                    ),
                ],
                "explanation": {
                    "km": "សុវត្ថិភាពជាមុន បន្ទាប់មកជូនដំណឹងដល់ប៉ូលីស និងបុគ្គលបង្គោល គ.ក.ន.ក ហើយបញ្ជូនបន្ត។",
                    "en": "Safety first; then inform the police and the CCWC focal point, and refer.",
                },
            },
            {
                "kind": "multiple",
                "scoring": "partial",
                "text": {
                    "km": "តើកំណត់ត្រាករណី គួរមានអ្វីខ្លះ? ជ្រើសរើសចម្លើយទាំងអស់ដែលត្រូវ។",
                    "en": "What should a case record contain? Choose all that apply.",
                },
                "choices": [
                    ("កាលបរិច្ឆេទ ម៉ោង និងទីកន្លែង", "Date, time and place", True),
                    (
                        "វិធានការដែលបានចាត់ និងការបញ្ជូនបន្តដែលបានធ្វើ",
                        "Action taken and referrals made",
                        True,
                    ),
                    (
                        "នរណាទទួលខុសត្រូវលើការតាមដាន និងនៅពេលណា",
                        "Who is responsible for follow-up, and when",
                        True,
                    ),
                    (
                        "ឈ្មោះពេញរបស់កុមារ ក្នុងរបាយការណ៍ប្រចាំខែ",
                        "The child's full name in the monthly report",
                        False,
                        "ឈ្មោះពេញ ត្រូវទុកតែក្នុងឯកសារសម្ងាត់។ ប្រើលេខករណី ក្នុងរបាយការណ៍ប្រចាំខែ។",
                        "Keep the full name only in the confidential file; use case numbers in monthly reports.",
                    ),
                ],
                "explanation": {
                    "km": "កត់ត្រាឱ្យច្បាស់ ខ្លី និងត្រឹមត្រូវ។ ឈ្មោះកុមារ ទុកតែក្នុងឯកសារសម្ងាត់។",
                    "en": "Record clearly, briefly and accurately. Keep the child's name only in the "
                    "confidential file.",
                },
            },
            {
                "kind": "single",
                "text": {
                    "km": "សមាជិកក្រុមប្រឹក្សាឃុំ/សង្កាត់ម្នាក់ ផ្ញើរូបថតទម្រង់បញ្ជូនបន្ត ដែលមានឈ្មោះ និងភូមិរបស់កុមារ "
                    "ទៅក្រុមឆាតរបស់មេភូមិទាំងអស់។ តើហានិភ័យសំខាន់គឺអ្វី?",
                    "en": "A commune council member sends a photo of a referral form showing a child's name and "
                    "village to a chat group of all the village chiefs. What is the main risk?",
                },
                "choices": [
                    (
                        "កុមារអាចប្រឈមនឹងគ្រោះថ្នាក់ ឬការមាក់ងាយ",
                        "The child may face danger or stigma",
                        True,
                    ),
                    (
                        "គ្មានហានិភ័យទេ ព្រោះមេភូមិជាមន្ត្រី",
                        "None, because village chiefs are officials",
                        False,
                        "ចែករំលែក តែជាមួយអ្នកដែលត្រូវការដឹងប៉ុណ្ណោះ។",
                        "Share only with those who need to know.",
                    ),
                    ("ទម្រង់នោះអាចបាត់", "The form may get lost", False),
                ],
                "explanation": {
                    "km": "កំណត់ត្រាមានព័ត៌មានរសើប។ បើបែកធ្លាយ វាអាចធ្វើឱ្យកុមារប្រឈមនឹងគ្រោះថ្នាក់ ឬការមាក់ងាយ។",
                    "en": "Records hold sensitive information. If they leak, the child may face danger or stigma.",
                },
            },
            {
                "kind": "true_false",
                "text": {
                    "km": "ការបញ្ជូនបន្ត បញ្ចប់នៅពេលប្រគល់ឯកសារទៅសេវាមួយរួច។",
                    "en": "Referral ends once the form has been handed over to a service.",
                },
                "choices": true_false(answer=False),
                "explanation": {
                    "km": "តាមដានកុមារ រហូតដល់កុមារមានសុវត្ថិភាព និងទទួលបានសេវា។ ការតាមដានជាប្រចាំ "
                    "ជួយការពារកុមារកុំឱ្យត្រូវគេជួញដូរម្តងទៀត។",
                    "en": "Follow up until the child is safe and receiving services. Regular follow-up helps "
                    "protect the child from being trafficked again.",
                },
            },
        ],
    },
}
