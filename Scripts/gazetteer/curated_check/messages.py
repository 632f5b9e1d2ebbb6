"""Error and warning lines, and how many of each were printed."""


errors = 0
warnings = 0


def error(msg):
    global errors
    errors += 1
    print(f"error: {msg}")


def warn(msg):
    global warnings
    warnings += 1
    print(f"warning: {msg}")
