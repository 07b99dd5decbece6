# Build: the SDK image restores and publishes the executable.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/PolicyBot/PolicyBot.csproj -c Release -o /app --nologo

# Run: the ASP.NET Core runtime (the Slack endpoint and health checks are ASP.NET Core).
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# Fonts for ScottPlot charts, ICU and tzdata for time zones, curl for the health check.
RUN apt-get update \
    && apt-get install -y --no-install-recommends fontconfig fonts-dejavu-core libicu-dev tzdata curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
# The articles' embeddings ship in config/articles/embeddings, so a new container answers its first question in about
# 1.5 s; articles mounted without them are embedded on first start and cached under /tmp/policybot.
# SQLite lives on a volume; config/ can be replaced by mounting a folder over /app/config.
RUN mkdir -p /data && chown app:app /data
VOLUME ["/data"]
ENV POLICYBOT_Storage__ConnectionString=/data/policybot.db \
    POLICYBOT_Console__AttachmentsPath=/data/attachments \
    POLICYBOT_Http__Enabled=true \
    ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
USER app
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s CMD curl -fsS http://localhost:8080/healthz || exit 1
ENTRYPOINT ["dotnet", "PolicyBot.dll"]
