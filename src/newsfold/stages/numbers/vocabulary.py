"""What a count can be about: the events it counts and the classes of people.

Kept small and plain: a count is only compared with counts of the same event
and the same class, so every word here widens what is compared.
"""
from __future__ import annotations

# Event words, as written, to the event they count.
_EVENT_FORMS = {
    "injured": "injure injured injures injuring injury injuries hurt hurting wounded "
               "wound wounds wounding hospitalised hospitalized",
    "killed": "kill killed kills killing killings dead die died dies dying death deaths "
              "perished fatalities fatality",
    "deployed": "deploy deployed deploys deploying deployment send sends sent sending "
                "dispatch dispatched dispatching reinforce reinforcing reinforcements "
                "mobilised mobilized",
    # the standing strength of a force ("Ruritania has 850 troops there", "troops stationed")
    "present": "stationed based garrisoned",
    "arrested": "arrest arrested arrests arresting detained detain detains detaining "
                "detention detentions",
    "evacuated": "evacuate evacuated evacuating evacuation",
    "displaced": "displaced fled flee fleeing homeless",
    "missing": "missing",
}
EVENTS = {form: event for event, forms in _EVENT_FORMS.items() for form in forms.split()}
# Tolls: the events whose counts are casualty figures. A noun that is itself a
# toll word ("two fatalities", "six deaths", "120 wounded") counts people.
TOLLS = {"killed", "injured"}

# Which people a count is about. Counts of one class may be the same people
# written differently ("protesters", "civilians", a people's name); different
# classes are never compared (soldiers are not protesters).
_CLASS_WORDS = {
    "military": "soldier troop peacekeeper serviceman servicewoman servicemember marine "
                "paratrooper sailor airman trooper personnel reservist commando conscript "
                "guardsman",
    "police": "police policeman policewoman officer cop gendarme",
    "civilians": "civilian protester protestor demonstrator person people resident citizen "
                 "villager rioter local bystander passerby passer-by individual participant "
                 "inhabitant man woman youth pedestrian body victim",
    "children": "child kid minor boy girl baby infant toddler teenager student pupil",
    "journalists": "journalist reporter photographer cameraman",
}
NOUN_CLASS = {word: cls for cls, words in _CLASS_WORDS.items() for word in words.split()}
PEOPLE_CLASSES = set(_CLASS_WORDS)
# Other nouns for people: a count of them needs an event to be compared, like
# the classes above, but each is only compared with itself.
PERSON_NOUNS = {
    "official", "worker", "employee", "staff", "member", "passenger", "victim", "firefighter",
    "paramedic", "doctor", "nurse", "patient", "crew", "crewman", "driver", "pilot", "guard",
    "fighter", "militant", "insurgent", "rebel", "attacker", "gunman", "suspect", "prisoner",
    "detainee", "hostage", "migrant", "refugee", "asylum-seeker", "student", "teacher",
    "tourist", "visitor", "fan", "spectator", "voter", "shopper", "customer", "other",
    "commuter", "rider", "traveller", "traveler", "pensioner",
}
# "members of the mission": the class comes from what they are members of.
PARTITIVE = {"member", "part", "group", "contingent"}
MILITARY_BODIES = {"mission", "force", "army", "military", "contingent", "battalion",
                   "brigade", "unit", "navy", "alliance", "troop", "soldier", "peacekeeper"}

# Words that tell a figure changed over time, or was summed: a source that
# writes two values of one figure with one of these beside them ("initially
# priced at RM40 ... it rose to RM55", "when combined, the two reigns lasted
# 91 years") explains both itself. Word forms, as written.
CHANGE_WORDS = frozenset(
    "initially originally previously previous earlier formerly rose risen grew grown increased "
    "climbed jumped swelled swollen ballooned snowballed surged soared fell fallen dropped "
    "decreased declined shrank shrunk revised updated combined".split())
