# Runtime image of one of the two services, chosen by the build argument SERVICE (command-side or query-side).
# Build the jars first at the root: mvn -DskipTests package. The compose files build both images from here.
FROM eclipse-temurin:17.0.13_11-jre
# PORT is the service's default port (command-side 8081, query-side 8082), declared for EXPOSE only.
ARG SERVICE
ARG PORT
RUN test -n "$SERVICE" && test -n "$PORT" || { echo "build with --build-arg SERVICE=... --build-arg PORT=..." >&2; exit 1; }
# curl for the compose health checks (newer Temurin images no longer promise it).
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /var/lib/contract-ledger --shell /usr/sbin/nologin ledger \
    && mkdir -p /var/lib/contract-ledger && chown ledger /var/lib/contract-ledger
COPY ${SERVICE}/target/${SERVICE}-service.jar /opt/contract-ledger/service.jar
USER ledger
# A writable working directory: nothing durable is kept here (every store is a server), only what a relative path
# such as the default ledger.data-dir (./data) would create.
WORKDIR /var/lib/contract-ledger
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE ${PORT}
ENTRYPOINT ["java", "-jar", "/opt/contract-ledger/service.jar"]
