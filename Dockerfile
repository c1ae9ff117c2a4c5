# syntax=docker/dockerfile:1
# Restore and publish on the SDK image; run on the ASP.NET runtime image. Published for linux-x64, so of NSec's
# libsodium builds (Discord's Ed25519 signatures) only that one ships. The tests are not run here: they need services
# (PostgreSQL, the npm peers) that an image build does not have; `.ci/run` runs them.
ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
WORKDIR /src
COPY . .
RUN dotnet restore Bot.sln

FROM build AS publish
RUN dotnet publish src/Bot/Bot.csproj --configuration Release --runtime linux-x64 --self-contained false --no-restore --output /app

FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS runtime
LABEL org.opencontainers.image.title="kuril-dispute-bot" \
      org.opencontainers.image.description="Answers questions about the Kuril Islands / Northern Territories dispute with cited excerpts, on Discord and Telegram" \
      org.opencontainers.image.documentation="README.md, docs/"
WORKDIR /app
COPY --from=publish /app ./
COPY corpus ./corpus
COPY appsettings.json ./
# The index and the bot's database live in /data, a volume owned by the image's non-root user.
RUN mkdir -p /data && chown "$APP_UID" /data
# DOTNET_GCgen0size: an 8 MB gen0 budget instead of one sized from the CPU cache (~90 MB more resident while
# serving a 10,000-document corpus, same latency; docs/performance.md, bench/ShippedRuntime.cs).
ENV Knowledge__CorpusPath=/app/corpus \
    Knowledge__DataPath=/data \
    Urls=http://0.0.0.0:8080 \
    DOTNET_ENVIRONMENT=Production \
    DOTNET_GCgen0size=0x800000
VOLUME /data
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["dotnet", "Kuril.Bot.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "Kuril.Bot.dll"]
