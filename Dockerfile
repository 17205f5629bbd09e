# Container route for CxBridge (the scripts in scripts/ are the tested path; see README.md).
#   docker compose up --build      -> http://localhost:5080 (app + PostgreSQL 16)
# The app applies its SQL migrations at startup; configure it with environment variables
# (ConnectionStrings__CxBridge, CxBridge__TimeZone, ...).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/CxBridge.Web/CxBridge.Web.csproj -c Release -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
EXPOSE 8080
COPY --from=build /app ./
# Run as the non-root user the .NET images provide; it may write the file logs (logs/ under /app).
RUN mkdir -p /app/logs && chown "$APP_UID" /app/logs
USER $APP_UID
ENTRYPOINT ["dotnet", "CxBridge.Web.dll"]
