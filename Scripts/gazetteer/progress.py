"""Progress lines of the build."""


def log(msg):
    print(msg, flush=True)
