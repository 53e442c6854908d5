"""Body text for the compilation pages: plain reporting prose, different for every article.

Each article draws on its own topic (place, group, subject) so that no two
articles of a page read alike, as on a real archive page.
"""

from __future__ import annotations

TOPICS: dict[str, tuple[str, str, str]] = {
    "kunduz": ("Kunduz", "the Islamic State Khorasan Province", "a mosque bombing"),
    "menaka": ("Ménaka", "the Islamic State Sahel Province", "attacks on herders"),
    "cabo": ("Cabo Delgado", "Ahlu Sunnah wal Jamaah", "the gas project at Afungi"),
    "idlib": ("Idlib", "Hayat Tahrir al-Sham", "its civilian government"),
    "mogadishu": ("Mogadishu", "al-Shabaab", "taxation of the port"),
    "lake": ("the Lake Chad basin", "Boko Haram", "fishing on the islands"),
    "tajik": ("Dushanbe", "Jamaat Ansarullah", "recruitment among migrant workers"),
    "pine": ("Kabul", "the Taliban", "the pine nut trade with China"),
    "sinai": ("North Sinai", "Wilayat Sinai", "the tribal militias"),
    "mindanao": ("Marawi", "the Dawlah Islamiyah", "the rebuilding of the city"),
    "balochistan": ("Quetta", "the Balochistan Liberation Army", "Chinese engineers"),
    "benin": ("northern Benin", "JNIM", "the national parks"),
    "kashmir": ("Srinagar", "The Resistance Front", "killings of migrant labourers"),
    "iraq": ("Kirkuk", "Islamic State remnants", "the disputed territories"),
    "yemen": ("Shabwa", "al-Qaeda in the Arabian Peninsula", "the oil fields"),
    "uyghur": ("Xinjiang", "the Turkistan Islamic Party", "its fighters in Syria"),
    "drc": ("Beni", "the Allied Democratic Forces", "massacres in Ituri"),
    "burkina": ("Djibo", "Ansarul Islam", "the blockade of the town"),
    "libya": ("Sabha", "Islamic State in Libya", "smuggling routes in the Fezzan"),
    "tanzania": ("Mtwara", "cross-border raiders", "the Ruvuma river"),
    "karachi": ("Karachi", "the Tehrik-i-Taliban Pakistan", "extortion of traders"),
    "maldives": ("Malé", "returning foreign fighters", "prison radicalisation"),
    "chechnya": ("Grozny", "the Caucasus Emirate's heirs", "online propaganda"),
    "sri": ("Colombo", "the Easter attackers' network", "the investigation"),
}


def paragraphs(topic: str, count: int = 3) -> list[str]:
    place, group, subject = TOPICS[topic]
    lines = [
        f"Officials in {place} say {group} has changed its approach to {subject} over the "
        f"past year, moving fighters between districts and relying less on large raids.",
        f"Residents interviewed in {place} described checkpoints that appear at night and "
        f"vanish by morning, and said local leaders are wary of speaking about {subject}.",
        f"Analysts who follow {group} argue that the shift reflects pressure on its finances "
        f"as much as any new strategy, and that {subject} has become a source of revenue.",
        f"The government in the region has promised new deployments, but people in {place} "
        f"doubt that soldiers will stay long enough to change the balance on the ground.",
        f"For now {group} appears content to wait, and the question of {subject} is likely "
        f"to shape the next phase of the conflict in and around {place}.",
    ]
    return lines[:count]


def notes(topic: str, count: int = 3) -> list[str]:
    """Newsletter prose of another cut than `paragraphs`: a quotation, a one-line paragraph.

    Newsletter stories are written unevenly (a short line of comment, a
    quoted source), so a splitter tuned on even paragraphs is tested here.
    """
    place, group, subject = TOPICS[topic]
    lines = [
        f"A new report on {group} lands this week, and its authors spent eight months in and "
        f"around {place} collecting court records, interviews and the group's own statements.",
        f"“They come to the market like tax inspectors,” one trader in {place} told the "
        f"researchers. “Nobody argues with them about {subject} any more.”",
        "Worth reading in full.",
        f"The authors are careful not to overstate the case: much of what is known about "
        f"{subject} comes from defectors, whose accounts of {group} are hard to check.",
        f"What the report does show is how quickly {group} adapts when the pressure on "
        f"{place} eases, and how little the authorities know about its finances.",
    ]
    return lines[:count]
