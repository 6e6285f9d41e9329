-- 200 benchmark tenants, each with 1,000 published solutions copied from the tenant 'ee' after
-- the DPG registry was imported into it by the product itself (so every row is one the
-- importer really makes). Copies after the first get a numbered name, slug and no registry key.
BEGIN;
DELETE FROM access.memberships m USING platform.tenants t WHERE m."TenantId" = t."Id" AND t."Slug" LIKE 'bench-%';
DELETE FROM catalogue.solutions s USING platform.tenants t WHERE s."TenantId" = t."Id" AND t."Slug" LIKE 'bench-%';
DELETE FROM platform.tenants WHERE "Slug" LIKE 'bench-%';

INSERT INTO platform.tenants ("Id", "Slug", "Name", "Kind", "CountryCode", "Status", "DataPlacement", "CreatedAt", "UpdatedAt")
SELECT gen_random_uuid(), 'bench-' || lpad(n::text, greatest(3, length(n::text)), '0'), 'Benchmark nucleus ' || n, t."Kind", t."CountryCode", t."Status", t."DataPlacement", now(), now()
FROM platform.tenants t, generate_series(1, :tenants) n
WHERE t."Slug" = 'ee';

WITH source AS (
    SELECT s.*, c.copy, row_number() OVER (ORDER BY c.copy, s."Name") AS position
    FROM catalogue.solutions s
    JOIN platform.tenants t ON t."Id" = s."TenantId" AND t."Slug" = 'ee'
    CROSS JOIN generate_series(0, 9) AS c(copy)
)
INSERT INTO catalogue.solutions ("TenantId", "Id", "BuildingBlocks", "CaseStudyText", "CreatedAt", "DeploymentCountries", "Description",
    "DevelopmentCountries", "DpgKey", "Licence", "Maturity", "Name", "Offerings", "OpenSource", "ProviderPartnerIds", "Sdgs", "Sectors",
    "Slug", "Standards", "Status", "Summary", "UpdatedAt", "Version", "WebsiteUrl", links, media)
SELECT b."Id", gen_random_uuid(), s."BuildingBlocks", s."CaseStudyText", s."CreatedAt", s."DeploymentCountries", s."Description",
    s."DevelopmentCountries", CASE WHEN s.copy = 0 THEN s."DpgKey" END, s."Licence", s."Maturity",
    left(s."Name" || CASE WHEN s.copy = 0 THEN '' ELSE ' ' || (s.copy + 1) END, 200), s."Offerings", s."OpenSource", s."ProviderPartnerIds",
    s."Sdgs", s."Sectors", left(s."Slug", 90) || CASE WHEN s.copy = 0 THEN '' ELSE '-' || (s.copy + 1) END, s."Standards", 'Published',
    s."Summary", s."UpdatedAt", 1, s."WebsiteUrl", s.links, s.media
FROM source s
CROSS JOIN platform.tenants b
WHERE b."Slug" LIKE 'bench-%' AND s.position <= :solutions;

-- The owners of 'ee' are viewers of every benchmark tenant too: the members' line searches as one of them.
INSERT INTO access.memberships ("TenantId", "Id", "CreatedAt", "PartnerId", "Role", "UserId")
SELECT b."Id", gen_random_uuid(), m."CreatedAt", NULL, 'Viewer', m."UserId"
FROM access.memberships m
JOIN platform.tenants e ON e."Id" = m."TenantId" AND e."Slug" = 'ee'
CROSS JOIN platform.tenants b
WHERE b."Slug" LIKE 'bench-%' AND m."Role" = 'Owner';

-- Each tenant's search stamp, as onboarding makes it: without one, a host builds each index twice (once, then again when it
-- reads the stamp its first build made), and the first measured line after the warm-up pays for 200 builds.
INSERT INTO catalogue.search_stamps ("TenantId", "Value")
SELECT b."Id", gen_random_uuid() FROM platform.tenants b WHERE b."Slug" LIKE 'bench-%';
COMMIT;
ANALYZE catalogue.solutions;
SELECT count(*) AS benchmark_solutions FROM catalogue.solutions s JOIN platform.tenants t ON t."Id" = s."TenantId" WHERE t."Slug" LIKE 'bench-%';
