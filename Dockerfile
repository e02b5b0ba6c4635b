# One image per service module, from the jar built on the host (CONTRACT.md section 1):
#
#   ./mvnw -q -DskipTests package
#   docker build --build-arg MODULE=paxos-kv-service -t ds/paxos-kv-service:dev .
#
# The base is any Java 17+ JRE image with bash, which the health probe below needs (Alpine JREs
# have none until `apk add bash`). Without Docker Hub, point BASE_IMAGE at a JRE you have, or make
# one from Debian packages with scripts/base-image.sh: --build-arg BASE_IMAGE=ds/jre:17 (docs/DEPLOY.md).
# Builds with BuildKit and with the classic builder (Engine 20.10 without BuildKit): no COPY --chmod.
ARG BASE_IMAGE=eclipse-temurin:21-jre
FROM ${BASE_IMAGE}

# The Maven module whose <module>/target/<module>.jar this image runs.
ARG MODULE
ARG PORT=8080
ARG UID=10001

# A bash-only HTTP client (bash's /dev/tcp): the health checks and the shardkv join use it, because
# JRE images need not have curl (eclipse-temurin dropped it from its JDK 22+ images).
COPY deploy/docker/dshttp /usr/local/bin/dshttp

# A named, non-root user in group 0, so that the image also runs under an arbitrary UID (OpenShift);
# useradd on Debian/Ubuntu/UBI bases, adduser on BusyBox ones. /data holds node.data-dir of the
# durable services and /output MapReduce results; a fresh named volume copies their ownership.
RUN set -eu; \
    test -n "${MODULE}" || { echo "MODULE is required: --build-arg MODULE=<service module>, e.g. paxos-kv-service" >&2; exit 1; }; \
    useradd --uid "${UID}" --gid 0 --home-dir /app --no-create-home --shell /bin/bash ds 2>/dev/null \
      || adduser -D -u "${UID}" -G root -h /app ds; \
    mkdir -p /app /data /output; \
    chown "${UID}:0" /data /output; \
    chmod 0775 /data /output; \
    chmod 0755 /usr/local/bin/dshttp

COPY --chown=${UID}:0 ${MODULE}/target/${MODULE}.jar /app/app.jar

# Spring reads SERVER_PORT as server.port. JAVA_TOOL_OPTIONS is read by the JVM itself, so the heap
# is set without a shell: docker run -e JAVA_TOOL_OPTIONS=-Xmx256m ...
ENV SERVER_PORT=${PORT} \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError"
EXPOSE ${PORT}
USER ${UID}:0
WORKDIR /app
HEALTHCHECK --interval=5s --timeout=3s --start-period=60s --retries=3 \
    CMD dshttp "http://127.0.0.1:${SERVER_PORT}/actuator/health" >/dev/null || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
