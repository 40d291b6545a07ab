"""Programs run in a pseudo-terminal, as scripts/bench and scripts/profile-layout drive opsdeck and its peers."""
import fcntl
import os
import pty
import struct
import termios


def spawn(argv, env, rows=48, cols=160):
    """Starts `argv` in a new rows x cols pseudo-terminal with `env` (a 256-colour UTF-8 terminal, NO_COLOR left out);
    returns its pid and the terminal's descriptor."""
    pid, fd = pty.fork()
    if pid == 0:
        env = {k: v for k, v in env.items() if k != "NO_COLOR"}
        env.update(TERM="xterm-256color", LANG="C.UTF-8")
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    return pid, fd
