# Runtime image of one of the two services, chosen by the build argument SERVICE (command-side or query-side).
# Build the jars first at the root: mvn -DskipTests package. The compose files build both images from here; the build
# context is the repository, cut down by .dockerignore to the jars.
#
# Layered: the jar is unpacked by Spring Boot's jar tools along its layer index (dependencies, the loader, snapshot
# dependencies, the application), one image layer each, so a release that changes only the ledger's own code ships
# only the last, small layer.
FROM eclipse-temurin:17.0.13_11-jre AS layers
ARG SERVICE
RUN test -n "$SERVICE" || { echo "build with --build-arg SERVICE=... --build-arg PORT=..." >&2; exit 1; }
WORKDIR /extract
COPY ${SERVICE}/target/${SERVICE}-service.jar service.jar
RUN java -Djarmode=tools -jar service.jar extract --layers --launcher --destination layers

FROM eclipse-temurin:17.0.13_11-jre
# PORT is the service's default port (command-side 8081, query-side 8082), declared for EXPOSE only.
ARG SERVICE
ARG PORT
RUN test -n "$SERVICE" && test -n "$PORT" || { echo "build with --build-arg SERVICE=... --build-arg PORT=..." >&2; exit 1; }
# curl for the compose health checks (newer Temurin images no longer promise it).
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /var/lib/contract-ledger --shell /usr/sbin/nologin ledger \
    && mkdir -p /var/lib/contract-ledger && chown ledger /var/lib/contract-ledger
COPY --from=layers /extract/layers/dependencies/ /opt/contract-ledger/
COPY --from=layers /extract/layers/spring-boot-loader/ /opt/contract-ledger/
COPY --from=layers /extract/layers/snapshot-dependencies/ /opt/contract-ledger/
COPY --from=layers /extract/layers/application/ /opt/contract-ledger/
USER ledger
# A writable working directory: nothing durable is kept here (every store is a server), only what a relative path
# such as the default ledger.data-dir (./data) would create.
WORKDIR /var/lib/contract-ledger
# The heap is a share of the container's memory limit (mem_limit in the compose files; the JVM reads the cgroup's
# limit): 65 %, the rest for metaspace, thread stacks, direct buffers and the code cache. Without a limit it would be
# 65 % of the host's memory, for each service: always run it with one. Out of memory, the JVM exits and the restart
# policy starts it again rather than leaving it half-working.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=65 -XX:+ExitOnOutOfMemoryError"
EXPOSE ${PORT}
ENTRYPOINT ["java", "-cp", "/opt/contract-ledger", "org.springframework.boot.loader.launch.JarLauncher"]
