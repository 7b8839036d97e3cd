"""`--fix` writes (issue 10: 3, 4, 6, 7): only over the bytes it read, through symlinks, keeping mode
and owner, never splitting hard links, one error per file it cannot write, and clean exits on
SIGTERM and Ctrl-C; plus a fault test that kills it at random points over 1,000 files."""
from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

import askcheck
from askcheck import cli
from cli_helpers import run
from askcheck.sources import read_file
from askcheck.writer import WriteError, write_atomic

APOLOGY = "Sorry to bother you, but could you review my slides by Friday? It takes 10 minutes, no worries if not. Thanks!\n"
FIXED = "Could you review my slides by Friday? It takes 10 minutes, no worries if not. Thanks!\n"
ASKCHECK = [sys.executable, "-c", "import sys; from askcheck.cli import main; sys.exit(main())"]


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def as_other_user() -> list[str]:
    """A prefix that runs a command as `nobody`, so permissions hold even when the tests run as root."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


@pytest.fixture
def shared_tmp():
    """A folder another user may enter (pytest's tmp_path is private to this one)."""
    folder = Path(tempfile.mkdtemp(prefix="askcheck-perm-"))
    folder.chmod(0o777)
    yield folder
    for root, dirs, _ in os.walk(folder):
        for d in dirs:
            os.chmod(os.path.join(root, d), 0o777)
    shutil.rmtree(folder)


# ------------------------------------------------------------------ 3. concurrent edits

def test_a_file_changed_after_it_was_read_is_not_overwritten(here):
    path = here / "a.txt"
    path.write_text(APOLOGY, encoding="utf-8")
    source = read_file(path)
    with path.open("a", encoding="utf-8") as fh:
        fh.write("A line added meanwhile.\n")
    with pytest.raises(WriteError, match="changed on disk after it was read"):
        write_atomic(source, FIXED)
    assert path.read_text(encoding="utf-8") == APOLOGY + "A line added meanwhile.\n"
    assert not list(here.glob("*.askcheck-tmp"))


def test_fix_skips_a_file_edited_during_the_run_and_fixes_the_others(here, monkeypatch):
    (here / "a.txt").write_text(APOLOGY, encoding="utf-8")
    (here / "b.txt").write_text(APOLOGY, encoding="utf-8")
    real = cli.write_atomic

    def edited_meanwhile(source, text, **kwargs):  # another writer (or a second --fix) gets to a.txt first
        if source.path.name == "a.txt":
            source.path.write_text("Someone else's edit.\n", encoding="utf-8")
        return real(source, text, **kwargs)
    monkeypatch.setattr(cli, "write_atomic", edited_meanwhile)
    r = run(["lint", "--isolated", "--fix", "a.txt", "b.txt"])
    assert r.exit_code == 2
    assert "askcheck: error: a.txt: not fixed: it changed on disk after it was read" in r.output
    assert (here / "a.txt").read_text(encoding="utf-8") == "Someone else's edit.\n"
    assert (here / "b.txt").read_text(encoding="utf-8") == FIXED


# ------------------------------------------------------------------ 4. links, mode, owner

def test_symlink_is_fixed_at_its_target_and_stays_a_link(here):
    (here / "real.txt").write_text(APOLOGY, encoding="utf-8")
    (here / "link.txt").symlink_to("real.txt")
    r = run(["lint", "--isolated", "--fix", "link.txt"])
    assert r.exit_code == 0, r.output
    assert (here / "link.txt").is_symlink()
    assert (here / "real.txt").read_text(encoding="utf-8") == FIXED


def test_mode_and_owner_are_kept(here):
    path = here / "a.txt"
    path.write_text(APOLOGY, encoding="utf-8")
    path.chmod(0o640)
    if os.geteuid() == 0:
        os.chown(path, 12345, 23456)
    assert run(["lint", "--isolated", "--fix", "a.txt"]).exit_code == 0
    info = path.stat()
    assert path.read_text(encoding="utf-8") == FIXED
    assert info.st_mode & 0o777 == 0o640
    if os.geteuid() == 0:
        assert (info.st_uid, info.st_gid) == (12345, 23456)


def test_hard_linked_file_is_not_split_and_says_so(here):
    (here / "a.txt").write_text(APOLOGY, encoding="utf-8")
    os.link(here / "a.txt", here / "b.txt")
    (here / "c.txt").write_text(APOLOGY, encoding="utf-8")
    r = run(["lint", "--isolated", "--fix", "--format", "concise", "a.txt", "c.txt"])
    assert r.exit_code == 2
    assert "askcheck: error: a.txt: not fixed: it has 2 hard links" in r.output
    assert os.stat(here / "a.txt").st_ino == os.stat(here / "b.txt").st_ino
    assert (here / "a.txt").read_text(encoding="utf-8") == APOLOGY
    assert "a.txt:1:1: ASK401" in r.output  # still reported: it is still in the file
    assert (here / "c.txt").read_text(encoding="utf-8") == FIXED


# ------------------------------------------------------------------ 6. read-only folder

def test_read_only_folder_is_one_error_and_the_others_are_fixed(shared_tmp):
    ro = shared_tmp / "ro"
    ro.mkdir()
    for path in (ro / "a.txt", shared_tmp / "b.txt", shared_tmp / "c.txt"):
        path.write_text(APOLOGY, encoding="utf-8")
        path.chmod(0o666)
    ro.chmod(0o555)
    (shared_tmp / "c.txt").chmod(0o444)  # a read-only file in a writable folder: not replaced either
    proc = subprocess.run(as_other_user() + ASKCHECK + ["lint", "--isolated", "--fix", "--format", "concise",
                                                        "ro/a.txt", "b.txt", "c.txt"],
                          cwd=shared_tmp, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert f"askcheck: error: ro/a.txt: cannot write the fix: cannot create a file in {ro} (permission denied)" \
        in proc.stderr
    assert (ro / "a.txt").read_text(encoding="utf-8") == APOLOGY
    assert "askcheck: error: c.txt: not fixed: the file is read-only" in proc.stderr
    assert (shared_tmp / "c.txt").read_text(encoding="utf-8") == APOLOGY
    assert (shared_tmp / "b.txt").read_text(encoding="utf-8") == FIXED
    assert "ro/a.txt:1:1: ASK401" in proc.stdout


# ------------------------------------------------------------------ 7 and the fault test: signals

TEXTS = [
    APOLOGY,
    "Hi Ana,\r\nI hate to ask, but could you proofread page {i} tomorrow? It is one page. No pressure if you are busy. "
    "Thank you!\r\n",
    "\ufeffSorry to bother you again, but could you look at section {i} this week? Five minutes at most; "
    "say no if you are swamped. Thanks!\n",
]


def _corpus(folder: Path, n: int) -> dict[Path, tuple[bytes, bytes]]:
    """n files, and for each its bytes before and after --fix (computed with the library, once per
    template: the number in a text does not change its fix, as the first few files check)."""
    fixed_templates = [askcheck.fix(t.lstrip("\ufeff").format(i="NNN"))[0].replace("NNN", "{i}") for t in TEXTS]
    expected = {}
    for i in range(n):
        template = TEXTS[i % len(TEXTS)]
        text = template.format(i=i)
        bom = "\ufeff" if text.startswith("\ufeff") else ""
        fixed = fixed_templates[i % len(TEXTS)].format(i=i)
        if i < 2 * len(TEXTS):
            assert fixed == askcheck.fix(text.lstrip("\ufeff"))[0]
        path = folder / f"f{i:04d}.txt"
        old, new = text.encode("utf-8"), (bom + fixed).encode("utf-8")
        assert old != new
        path.write_bytes(old)
        expected[path] = (old, new)
    return expected


def _kill_during_fixes(folder: Path, first: Path, old: bytes, signum: int, delay: float):
    """Start `lint --fix` on the folder; once it has written its first file, wait `delay` and send `signum`."""
    proc = subprocess.Popen(ASKCHECK + ["lint", "--isolated", "--fix-only", "--jobs", "1", str(folder)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while first.read_bytes() == old and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    time.sleep(delay)
    proc.send_signal(signum)
    out, err = proc.communicate(timeout=60)
    return proc.returncode, out, err


def test_fix_killed_at_random_points_leaves_every_file_old_or_new(tmp_path):
    rng = random.Random(10)
    expected = _corpus(tmp_path, 1000)
    written_before = 0
    for signum in (signal.SIGTERM, signal.SIGKILL):
        # Files are fixed in name order: the first one still old is the next to be written.
        first = next(p for p in sorted(expected) if p.read_bytes() == expected[p][0])
        code, _, err = _kill_during_fixes(tmp_path, first, expected[first][0], signum, rng.uniform(0.0, 0.4))
        states = {path: path.read_bytes() for path in expected}
        torn = [p.name for p, data in states.items() if data not in expected[p]]
        assert not torn, f"{len(torn)} files neither old nor new after signal {signum}: {torn[:5]}"
        done = sum(states[p] == expected[p][1] for p in expected)
        assert done >= written_before
        written_before = done
        if code in (0, 1) or done == len(expected):
            break  # it finished before the signal came: nothing left to interrupt
        leftovers = list(tmp_path.glob(".*.askcheck-tmp"))
        if signum == signal.SIGTERM:
            assert code == 128 + signal.SIGTERM, err
            assert "Traceback" not in err
            assert "askcheck: terminated; " in err and "already fixed and written" in err
            assert not leftovers, leftovers
        else:
            assert code == -signal.SIGKILL
            for tmp in leftovers:  # what SIGKILL cannot clean up is only ever a temporary file
                tmp.unlink()
    assert 0 < written_before


def test_ctrl_c_exits_130_and_says_how_many_files_were_written(tmp_path):
    expected = _corpus(tmp_path, 300)
    first = tmp_path / "f0000.txt"
    code, _, err = _kill_during_fixes(tmp_path, first, expected[first][0], signal.SIGINT, 0.05)
    written = sum(p.read_bytes() == expected[p][1] for p in expected)
    if written == len(expected):
        pytest.skip("the run ended before Ctrl-C reached it")
    assert code == 130, err
    assert "Traceback" not in err
    assert f"askcheck: interrupted; {written} files already fixed and written" in err
    assert not list(tmp_path.glob(".*.askcheck-tmp"))


def test_ctrl_c_in_any_command_exits_130_not_1(here, monkeypatch):
    from askcheck import report_cli

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt
    monkeypatch.setattr(report_cli, "build_report", interrupted)
    (here / "a.txt").write_text(APOLOGY, encoding="utf-8")
    r = run(["report", "--isolated", "a.txt"])
    assert r.exit_code == 130
    assert r.output.strip().endswith("askcheck: interrupted") and "Aborted" not in r.output
