-- The three roles of row-level security and the database, created once by a superuser:
--   psql -v owner_password=… -v app_password=… -v platform_password=… -f deploy/postgres/roles.sql
-- nucleus_owner  owns the schemas: the Host uses it only to migrate and to install the policies
--                (Database__MigrationConnectionString).
-- nucleus_app    every request and job (Database__ConnectionString): owns nothing, may not bypass
--                row-level security; the Host checks both at start-up and refuses otherwise.
-- nucleus_platform reads every tenant's rows and writes none, for the few platform reads that span
--                tenants (Database__PlatformConnectionString).
-- nucleus_owner also creates and drops the databases of tenants placed in a database of their own (CREATEDB);
--                leave it out if the platform offers no dedicated placement.
CREATE ROLE nucleus_owner LOGIN CREATEDB PASSWORD :'owner_password';
CREATE ROLE nucleus_app LOGIN PASSWORD :'app_password';
CREATE ROLE nucleus_platform LOGIN PASSWORD :'platform_password';
CREATE DATABASE nucleuscloud OWNER nucleus_owner;
