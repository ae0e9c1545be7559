# Checks a custom input against the statement's format and constraints.
# Reads {"input": "<stdin text>"}; prints one line saying what is wrong, or
# nothing when the input is allowed.
import json
import sys


def problem(text):
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()

    def number(at, what):
        if at >= len(lines):
            raise ValueError(f"the input ends where line {at + 1} should give {what}")
        word = lines[at]
        if not word.isascii() or not word.isdigit():
            raise ValueError(f"line {at + 1} should be {what}, a whole number alone on its line")
        return int(word)

    try:
        k = number(0, "k")
        if not 1 <= k <= 1000:
            return f"k is {k}; it must be 1 to 1000"
        at, total = 1, 0
        for server in range(k):
            n = number(at, f"the line count of server {server}")
            at += 1
            total += n
            if total > 200000:
                return "more than 200000 log lines in all"
            last = 0
            for _ in range(n):
                if at >= len(lines):
                    return f"the input ends inside server {server}'s lines"
                stamp, space, message = lines[at].partition(" ")
                where = f"line {at + 1}"
                if not (stamp.isascii() and stamp.isdigit()) or not space:
                    return f"{where} should be a timestamp, a space and a message"
                if int(stamp) > 10**12:
                    return f"{where}: timestamps are at most 10^12"
                if int(stamp) < last:
                    return f"{where}: server {server}'s timestamps go down"
                last = int(stamp)
                if not 1 <= len(message) <= 60:
                    return f"{where}: messages are 1 to 60 characters"
                if any(not " " <= c <= "~" for c in message):
                    return f"{where}: messages hold printable ASCII only"
                at += 1
        if any(line.strip() for line in lines[at:]):
            return f"unexpected text on line {at + 1}, after the last server's lines"
    except ValueError as e:
        return str(e)
    return None


reason = problem(json.load(sys.stdin)["input"])
if reason:
    print(reason)
