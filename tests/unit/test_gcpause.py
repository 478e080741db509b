"""`paused_gc`: collection is off inside, back on when the last paused step ends."""

from __future__ import annotations

import gc
import threading

import pytest

from eventwire.gcpause import paused_gc


@pytest.fixture(autouse=True)
def _gc_on():
    gc.enable()
    yield
    gc.enable()


def test_paused_inside_and_restored_after_nesting():
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer step still runs
    assert gc.isenabled()


def test_restored_after_an_exception():
    with pytest.raises(ValueError), paused_gc():
        raise ValueError("boom")
    assert gc.isenabled()


def test_left_off_if_it_was_off():
    gc.disable()
    with paused_gc():
        pass
    assert not gc.isenabled()


def test_overlapping_steps_on_two_threads():
    # thread A pauses, then B; A ends first: still paused until B ends too
    a_in, b_in, a_out = threading.Event(), threading.Event(), threading.Event()
    seen = {}

    def step_b():
        a_in.wait()
        with paused_gc():
            b_in.set()
            a_out.wait()
            seen["after A ended"] = gc.isenabled()

    t = threading.Thread(target=step_b)
    t.start()
    with paused_gc():
        a_in.set()
        b_in.wait()
    a_out.set()
    t.join()
    assert seen["after A ended"] is False
    assert gc.isenabled()
