#!/usr/bin/env python3
"""Start-up to first frame of the real `bilateral` reader, measured from outside.

Runs the release binary in a pseudo-terminal of 200x60 (as a person would, no hook in the
program), records when the last byte of the first frame arrives (the first frame is one
flush; it is over when the terminal stays quiet for QUIET seconds), then sends `q` and reaps
the process. Prints the median, min and max over RUNS runs, and the process's peak RSS
(ru_maxrss of the child) when asked with --rss. Wall time includes process start, reading
and analysing the input, entering the alternate screen and drawing.

    cargo build --release
    python3 benches/first_frame.py target/release/bilateral            # the bundled seed
    python3 benches/first_frame.py target/release/bilateral FILE --runs 5 --rss

Standard library only; Linux/Unix (pty, termios). It never sends anything but `q`.
"""

import argparse
import fcntl
import os
import pty
import select
import statistics
import struct
import termios
import time

QUIET = 0.25


def one_run(argv, rows, cols, timeout):
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(argv[0], argv)
    start = time.perf_counter()
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    last = None
    received = 0
    while True:
        wait = QUIET if last is not None else timeout
        ready, _, _ = select.select([fd], [], [], wait)
        if not ready:
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        received += len(chunk)
        last = time.perf_counter()
    try:
        os.write(fd, b"q")
    except OSError:
        pass
    deadline = time.time() + 10
    status = rusage = None
    while time.time() < deadline:
        got, status, rusage = os.wait4(pid, os.WNOHANG)
        if got == pid:
            break
        try:
            select.select([fd], [], [], 0.05)
            os.read(fd, 65536)
        except OSError:
            time.sleep(0.05)
    else:
        os.kill(pid, 9)
        _, status, rusage = os.wait4(pid, 0)
    os.close(fd)
    if last is None:
        raise SystemExit("no frame arrived")
    return last - start, received, rusage.ru_maxrss if rusage else 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("file", nargs="?")
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--rows", type=int, default=60)
    ap.add_argument("--cols", type=int, default=200)
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--rss", action="store_true", help="also print peak RSS")
    a = ap.parse_args()
    argv = [os.path.abspath(a.binary)] + ([a.file] if a.file else [])
    times, rss = [], []
    for _ in range(a.runs):
        t, n, maxrss = one_run(argv, a.rows, a.cols, a.timeout)
        times.append(t)
        rss.append(maxrss)
    ms = [t * 1000 for t in times]
    print(
        f"first frame ({a.cols}x{a.rows}, {a.runs} runs, {n} bytes): "
        f"median {statistics.median(ms):.1f} ms, min {min(ms):.1f} ms, max {max(ms):.1f} ms"
    )
    if a.rss:
        print(f"peak RSS: max {max(rss) / 1024:.1f} MB (ru_maxrss of the reader)")


if __name__ == "__main__":
    main()
