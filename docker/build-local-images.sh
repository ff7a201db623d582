#!/usr/bin/env bash
# Builds the two images Frontline's containers need without any image registry, from Debian's
# packages and Maven Central alone:
#   frontline-local/jre17        Debian bookworm (minbase) with openjdk-17-jre-headless, by debootstrap
#   frontline-local/kafka:4.3.1  that base, Kafka's broker jars resolved by Maven and a start script
#                                that behaves like the official apache/kafka image's
#   frontline-local/postgres:15  only with POSTGRES=1: Debian's PostgreSQL 15, for the compose file's
#                                postgres profile
# The base image is built only when missing, the Kafka image when missing or when its sources in
# docker/kafka/ changed; FORCE=1 rebuilds both. Needs root (debootstrap),
# a running Docker engine and the debootstrap package. Use them with:
#   KAFKA_IMAGE=frontline-local/kafka:4.3.1 JRE_IMAGE=frontline-local/jre17 docker compose up
#   ./mvnw verify -Dkafka.image=frontline-local/kafka:4.3.1
set -euo pipefail
cd "$(dirname "$0")/.."

jre_image=${LOCAL_JRE_IMAGE:-frontline-local/jre17}
kafka_image=${LOCAL_KAFKA_IMAGE:-frontline-local/kafka:4.3.1}
suite=bookworm

die() { echo "build-local-images: $*" >&2; exit 1; }
exists() { [[ "${FORCE:-0}" != 1 ]] && docker image inspect "$1" >/dev/null 2>&1; }

command -v docker >/dev/null || die "docker is not installed"
docker info >/dev/null 2>&1 || die "no Docker engine answers (is dockerd running?)"

# The Debian mirror apt already uses (one-line or deb822 sources), else Debian's own.
debian_mirror() {
  local uri
  uri=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null \
    | grep -vE '^[[:space:]]*#' \
    | grep -oE '(https?://[^[:space:]]+/debian)/?([[:space:]]|$)' | grep -v -- '-security' \
    | head -n 1 | tr -d '[:space:]' || true)
  echo "${uri:-http://deb.debian.org/debian}"
}

if exists "$jre_image"; then
  echo "build-local-images: $jre_image exists"
else
  command -v debootstrap >/dev/null || die "debootstrap is not installed (apt-get install debootstrap)"
  mirror=$(debian_mirror)
  root=$(mktemp -d)
  trap 'rm -rf "$root"' EXIT
  echo "build-local-images: building $jre_image with debootstrap from $mirror ..."
  debootstrap --variant=minbase --include=openjdk-17-jre-headless "$suite" "$root" "$mirror" \
    >"$root.log" 2>&1 || { tail -n 20 "$root.log" >&2; die "debootstrap failed (log: $root.log)"; }
  rm -f "$root.log"
  # Smaller image: no package lists or caches.
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  tar -C "$root" -c . | docker import \
    -c 'ENV LANG=C.UTF-8 JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' -c 'CMD ["/bin/bash"]' \
    - "$jre_image" >/dev/null
  rm -rf "$root"
  trap - EXIT
  # sed reads to the end: with pipefail, head closing the pipe early would fail the script with SIGPIPE (141).
  docker run --rm "$jre_image" java -version 2>&1 | sed -n 1p
fi

# Rebuilt when its sources here change (their digest is a label of the image).
kafka_source=$(cat docker/kafka/Dockerfile docker/kafka/pom.xml docker/kafka/run docker/kafka/bin/* \
  docker/kafka/*.yaml docker/kafka/server.properties | sha256sum | cut -c1-16)
built_from=$(docker image inspect -f '{{ index .Config.Labels "org.frontline.source" }}' "$kafka_image" 2>/dev/null || true)
if [[ "${FORCE:-0}" != 1 && "$built_from" == "$kafka_source" ]]; then
  echo "build-local-images: $kafka_image exists"
else
  echo "build-local-images: building $kafka_image ..."
  rm -rf docker/kafka/target/libs
  # The broker and its logging binding, at the versions the project's root pom manages.
  ./mvnw -B -q -ntp -f docker/kafka/pom.xml dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory=target/libs \
    || die "could not resolve the broker's jars with Maven"
  log=$(mktemp)
  docker build -q --build-arg BASE_IMAGE="$jre_image" --label org.frontline.source="$kafka_source" \
    -t "$kafka_image" docker/kafka >"$log" 2>&1 || { cat "$log" >&2; die "docker build of $kafka_image failed"; }
  rm -f "$log"
  # The image this one replaces, if any.
  docker image prune -f --filter label=org.frontline.source >/dev/null
fi
echo "build-local-images: ready: $jre_image $kafka_image"

# Only with POSTGRES=1: the PostgreSQL server of docker-compose.yml's postgres profile, Debian's PostgreSQL
# by debootstrap like the JRE image, started the way the official postgres image is.
postgres_image=${LOCAL_POSTGRES_IMAGE:-frontline-local/postgres:15}
if [[ "${POSTGRES:-0}" == 1 ]]; then
  if exists "$postgres_image"; then
    echo "build-local-images: $postgres_image exists"
  else
    command -v debootstrap >/dev/null || die "debootstrap is not installed (apt-get install debootstrap)"
    mirror=$(debian_mirror)
    root=$(mktemp -d)
    trap 'rm -rf "$root"' EXIT
    echo "build-local-images: building $postgres_image with debootstrap from $mirror ..."
    debootstrap --variant=minbase --include=postgresql-15 "$suite" "$root" "$mirror" \
      >"$root.log" 2>&1 || { tail -n 20 "$root.log" >&2; die "debootstrap failed (log: $root.log)"; }
    rm -f "$root.log"
    rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
    tar -C "$root" -c . | docker import -c 'ENV LANG=C.UTF-8' - frontline-local/postgres-base >/dev/null
    rm -rf "$root"
    trap - EXIT
    docker build -q --build-arg BASE_IMAGE=frontline-local/postgres-base -t "$postgres_image" docker/postgres \
      >/dev/null || die "docker build of $postgres_image failed"
  fi
  echo "build-local-images: ready: $postgres_image"
fi
