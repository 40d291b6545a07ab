"""The three-account moto platform that scripts/bench and scripts/profile-layout run opsdeck live against."""
import json
import os
import socket
import subprocess
import sys
import tempfile
import time


def moto_platform(request_timeout=2):
    """A moto server (started here, signatures checked) seeded with Tests/moto/seed_platform.py's three accounts, and the
    environment and config.toml that watch them as the live tests do: (server, environment, config path). Run from the
    repository's root."""
    home = tempfile.mkdtemp(prefix="opsdeck-bench-live-")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    server = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env=dict(env, INITIAL_NO_AUTH_ACTION_COUNT="9"))
    for _ in range(300):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.1)
    seeded_file = f"{home}/seeded.json"
    subprocess.run([sys.executable, "Tests/moto/seed_platform.py", url, seeded_file], check=True, env=env, stdout=subprocess.DEVNULL)
    seeded = json.load(open(seeded_file))
    lines = ["poll_interval = 10", f"request_timeout = {request_timeout}", "", "[watch]", 'stack_prefixes = ["platform-"]', "rules = []", ""]
    for name in ("dev", "staging", "prod"):
        account, watched = seeded["accounts"][name], seeded["environments"][name]
        names = lambda key: ", ".join(f'"{n}"' for n in sorted(watched[key]))
        lines += [f"[environments.{name}]", f'account_id = "{account["account_id"]}"', f'region = "{account["region"]}"',
                  f'role_arn = "arn:aws:iam::{account["account_id"]}:role/{seeded["role"]}"', f'external_id = "{seeded["external_id"]}"',
                  f'endpoint_url = "{url}"', f"[environments.{name}.watch]", f"functions = [{names('functions')}]", f"tables = [{names('tables')}]", ""]
    config = f"{home}/config.toml"
    open(config, "w").write("\n".join(lines))
    env.update(HOME=home, XDG_CONFIG_HOME=home, XDG_STATE_HOME=f"{home}/state",
               AWS_ACCESS_KEY_ID=seeded["operator"]["aws_access_key_id"], AWS_SECRET_ACCESS_KEY=seeded["operator"]["aws_secret_access_key"])
    return server, env, config
