#!/usr/bin/python3
"""The operating properties of one resolved compose configuration (`docker-compose config` output on stdin), for
.ci/compose-check. Every service must have:

- a restart policy (always, unless-stopped or on-failure), so that stores and services come back after a reboot or an
  OOM kill;
- a memory limit (mem_limit, or deploy.resources.limits.memory), so that the JVMs size their heap from it and no one
  container can take the host's memory;
- rotated logs: the json-file or local driver with max-size and max-file;
- no credential in plain environment: a variable named like a password, secret, token or key holds nothing but a path
  under /run/secrets, a `${...}` placeholder or a bcrypt hash, and no value carries a URI with a literal password; the
  compose secrets are files under docker/secrets/, which git ignores;
- no credential on a command line: no health check, command or entrypoint passes a password variable or a `-p`/
  `--password` argument (visible in `ps`);
- no published port but the front's, except on the host's loopback;
- a stop grace period above Docker's 10 s: at least 30 s, and above 60 s (two of Spring's 30 s shutdown phases) for
  the services built from docker/service.Dockerfile;
- external named volumes only, so that `down -v` cannot delete a store.

Usage: compose-properties.py NAME < resolved.yaml; prints one line per violation, exits 1 if there is any.
"""
import os
import re
import subprocess
import sys

import yaml

FRONT = "front"
CREDENTIAL = re.compile(r"PASSWORD|PASSWD|SECRET|TOKEN|PRIVATE_?KEY|CREDENTIAL|API_?KEY", re.IGNORECASE)
HARMLESS_VALUE = re.compile(r"^(/run/secrets/\S+|\$\{[A-Za-z0-9_.-]+\}|\{bcrypt\}\$2[aby]\$\d\d\$[./A-Za-z0-9]{53})?$")
URI_PASSWORD = re.compile(r"[a-z][a-z0-9+.-]*://[^/@\s:]+:([^@\s]+)@", re.IGNORECASE)
ON_COMMAND_LINE = re.compile(r"\$\$?\{?\w*(PASSWORD|SECRET|TOKEN)|(^|\s)(-p|--password)(\s|=)\S", re.IGNORECASE)
RESTART = re.compile(r"^(always|unless-stopped|on-failure(:\d+)?)$")


def seconds(duration):
    """Compose's durations: 90s, 1m30s, 1h, 500ms, or a bare number of seconds."""
    if duration is None:
        return None
    if isinstance(duration, (int, float)):
        return float(duration)
    total, rest = 0.0, str(duration).strip()
    units = {"h": 3600, "m": 60, "s": 1, "ms": 0.001, "us": 1e-6}
    for amount, unit in re.findall(r"(\d+(?:\.\d+)?)(ms|us|h|m|s)", rest):
        total += float(amount) * units[unit]
    return total


def published_ports(ports):
    """(host_ip, published, target) of each published port, in either of config's forms."""
    for port in ports or []:
        if isinstance(port, dict):
            if port.get("published") is not None:
                yield port.get("host_ip", ""), str(port["published"]), str(port.get("target"))
            continue
        parts = str(port).split("/")[0].split(":")
        if len(parts) == 3:
            yield parts[0], parts[1], parts[2]
        elif len(parts) == 2:
            yield "", parts[0], parts[1]


def main():
    name = sys.argv[1]
    config = yaml.safe_load(sys.stdin)
    problems = []

    def fail(service, message):
        problems.append(f"{name}: {service}: {message}")

    for service, spec in (config.get("services") or {}).items():
        if not RESTART.match(str(spec.get("restart", ""))):
            fail(service, f"no restart policy (restart: {spec.get('restart', 'none')})")

        limit = spec.get("mem_limit") or (((spec.get("deploy") or {}).get("resources") or {}).get("limits")
                                          or {}).get("memory")
        if not limit:
            fail(service, "no memory limit (mem_limit)")

        logging = spec.get("logging") or {}
        options = logging.get("options") or {}
        if logging.get("driver") not in ("json-file", "local") or not options.get("max-size") \
                or not options.get("max-file"):
            fail(service, "logs not rotated (logging: json-file or local with max-size and max-file)")

        environment = spec.get("environment") or {}
        if isinstance(environment, list):
            environment = dict(item.split("=", 1) if "=" in item else (item, "") for item in environment)
        for variable, value in environment.items():
            value = "" if value is None else str(value).replace("$$", "$")
            if CREDENTIAL.search(variable) and not variable.endswith("_FILE") and not HARMLESS_VALUE.match(value):
                fail(service, f"{variable} holds a credential in plain environment (use a secret file)")
            for password in URI_PASSWORD.findall(value):
                if not re.fullmatch(r"\$\{[A-Za-z0-9_.-]+\}", password):
                    fail(service, f"{variable} carries a URI with a literal password (use a placeholder)")

        for key in ("command", "entrypoint"):
            if ON_COMMAND_LINE.search(" ".join(map(str, spec.get(key) or [])) if isinstance(spec.get(key), list)
                                      else str(spec.get(key) or "")):
                fail(service, f"its {key} passes a credential on the command line")
        test = (spec.get("healthcheck") or {}).get("test") or []
        if ON_COMMAND_LINE.search(" ".join(map(str, test)) if isinstance(test, list) else str(test)):
            fail(service, "its health check passes a credential on the command line (visible in ps)")

        for host_ip, published, target in published_ports(spec.get("ports")):
            if service != FRONT and host_ip not in ("127.0.0.1", "::1", "localhost"):
                fail(service, f"publishes port {published} (container {target}) on all interfaces; only the "
                              f"front may, others on 127.0.0.1 at most")

        grace = seconds(spec.get("stop_grace_period"))
        built = "service.Dockerfile" in str((spec.get("build") or {}).get("dockerfile", ""))
        needed = 61 if built else 30
        if grace is None or grace < needed:
            fail(service, f"stop_grace_period {spec.get('stop_grace_period', 'unset (10s)')} is below "
                          f"{needed}s" + (" (Spring's shutdown phases take up to 30 s each)" if built else ""))

        for volume in spec.get("volumes") or []:
            if isinstance(volume, dict) and volume.get("type") == "volume" and not volume.get("source"):
                fail(service, f"anonymous volume at {volume.get('target')}")

    for volume, spec in (config.get("volumes") or {}).items():
        if not (spec or {}).get("external"):
            fail("volumes", f"{volume} is not external (`down -v` would delete it)")

    for secret, spec in (config.get("secrets") or {}).items():
        path = (spec or {}).get("file")
        if not path:
            fail("secrets", f"{secret} is not a file")
            continue
        relative = os.path.relpath(path)
        if not relative.startswith("docker/secrets/"):
            fail("secrets", f"{secret} is read from {relative}, outside docker/secrets/")
        elif subprocess.run(["git", "check-ignore", "-q", "--no-index", relative]).returncode != 0:
            fail("secrets", f"{relative} is not ignored by git")

    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
