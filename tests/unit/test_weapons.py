"""Weapons with launched/destroyed counts, and casualties (no model needed)."""

import pytest

from eventwire.extract.casualties import find_casualties
from eventwire.extract.targets import find_targets
from eventwire.extract.weapons import find_weapons, find_weapons_in_doc_sentence


def summary(text):
    return [(w.cls, w.model, w.launched and w.launched.value, w.destroyed and w.destroyed.value)
            for w in find_weapons(text)]


@pytest.mark.parametrize("text, expected", [
    ("Russia fired more than 650 drones and 51 missiles across the country.",
     [("drone", None, 650, None), ("missile", None, 51, None)]),
    ("Russia's defence ministry claimed it had shot down 116 Ukrainian drones.",
     [("drone", None, None, 116)]),
    ("Russia fired more than 90 missiles at Ukraine, and air defence shot down 73 of them.",
     [("missile", None, 90, 73)]),
    ("Russia also launched 10 Iranian-made Shahed-136/131 kamikaze drones, all of which were destroyed.",
     [("drone", "Shahed-136/131", 10, 10)]),
    ("The Air Force said more than 60 of the more than 70 missiles fired at Ukraine were shot down.",
     [("missile", None, 70, 60)]),
    ("The air force said it shot down 18 of the 33 cruise missiles launched from ships.",
     [("cruise_missile", None, 33, 18)]),
    ("He said 37 cruise missiles, 29 Shahed drones and one reconnaissance drone were shot down.",
     [("cruise_missile", None, None, 37), ("drone", "Shahed", None, 29), ("drone", None, None, 1)]),
    ("Bombers fired up to 40 Kh-101/Kh-555 cruise missiles.",
     [("aircraft", None, None, None), ("cruise_missile", "Kh-101/Kh-555", 40, None)]),
    ("Air defences shot down six hypersonic Kinzhal missiles.", [("ballistic_missile", "Kinzhal", None, 6)]),
    ("A Ukrainian drone was shot down near the airfield.", [("drone", None, 1, 1)]),
    ("The attack involved 14 Tu-95 strategic bombers.", [("aircraft", "Tu-95", None, None)]),
])
def test_counts_per_weapon(text, expected):
    assert summary(text) == expected


def test_modifier_use_is_not_a_weapon_count():
    assert summary("There were 10 drone attacks on the city.") == []


def test_regional_subcounts_are_kept():
    (drones, missiles) = find_weapons("It downed six drones over the Odesa region and nine over the Mykolaiv "
                                      "region, as well as three cruise missiles.")
    assert drones.destroyed.value == 6 and [c.value for _, c in drones.extra] == [9]
    assert missiles.cls == "cruise_missile" and missiles.destroyed.value == 3


def test_them_refers_to_previous_sentence():
    prev = find_weapons("Russian forces attacked with 15 Shahed-136/131 drones from the south-east.")
    found = find_weapons_in_doc_sentence("Air defence units destroyed 14 of them.", prev)
    assert [(w.cls, w.destroyed.value) for w in found] == [("drone", 14)]


@pytest.mark.parametrize("text, expected", [
    ("Ukrainian officials reported at least three injuries in the Kyiv region.", [("injured", 3, "at_least")]),
    ("killing two people; three people, including a small child, were injured.",
     [("killed", 2, "exact"), ("injured", 3, "exact")]),
    ("Russia launches drone attack on Kyiv, kills 4 (UPDATED)", [("killed", 4, "exact")]),
    ("the bodies of four civilians were recovered", [("killed", 4, "exact")]),
    ("falling wreckage fatally injured three Russian technical servicemen.", [("killed", 3, "exact")]),
    ("Two people were killed and 15 wounded in the attack.", [("killed", 2, "exact"), ("injured", 15, "exact")]),
    ("no one was killed or injured.", []),
    ("one of its largest assaults", []),
])
def test_casualties(text, expected):
    assert [(f, q.count.value, q.count.qualifier) for f, q in find_casualties(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Russia focused heavily on power plants and critical energy infrastructure", ["energy"]),
    ("struck an oil refinery, where debris hit a residential building and an industrial site",
     ["oil_gas", "residential", "industrial"]),
    ("a strike on a hospital and a school", ["medical", "education"]),
])
def test_targets(text, expected):
    assert find_targets(text) == expected
