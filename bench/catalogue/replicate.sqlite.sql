-- The same as replicate.postgres.sql, in SQLite's dialect (ids as upper-case GUID text, instants as
-- UTC ticks, as the product stores them).
-- Parameters arrive as the temp table 'bench' (tenants, solutions) made by run.sh.
BEGIN;
DELETE FROM memberships WHERE TenantId IN (SELECT Id FROM tenants WHERE Slug LIKE 'bench-%');
DELETE FROM solutions WHERE TenantId IN (SELECT Id FROM tenants WHERE Slug LIKE 'bench-%');
DELETE FROM tenants WHERE Slug LIKE 'bench-%';

WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n WHERE value < (SELECT tenants FROM bench))
INSERT INTO tenants (Id, Slug, Name, Kind, CountryCode, Status, DataPlacement, CreatedAt, UpdatedAt)
SELECT upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-8' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
    'bench-' || CASE WHEN n.value < 1000 THEN substr('000' || n.value, -3) ELSE n.value END, 'Benchmark nucleus ' || n.value, t.Kind, t.CountryCode, t.Status, t.DataPlacement, t.CreatedAt, t.UpdatedAt
FROM tenants t, n
WHERE t.Slug = 'ee';

WITH RECURSIVE copies(copy) AS (SELECT 0 UNION ALL SELECT copy + 1 FROM copies WHERE copy < 9),
source AS (
    SELECT s.*, c.copy, row_number() OVER (ORDER BY c.copy, s.Name) AS position
    FROM solutions s
    JOIN tenants t ON t.Id = s.TenantId AND t.Slug = 'ee'
    CROSS JOIN copies c
)
INSERT INTO solutions (TenantId, Id, BuildingBlocks, CaseStudyText, CreatedAt, DeploymentCountries, Description, DevelopmentCountries,
    DpgKey, Licence, Maturity, Name, Offerings, OpenSource, ProviderPartnerIds, Sdgs, Sectors, Slug, Standards, Status, Summary,
    UpdatedAt, Version, WebsiteUrl, links, media)
SELECT b.Id, upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-8' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
    s.BuildingBlocks, s.CaseStudyText, s.CreatedAt, s.DeploymentCountries, s.Description, s.DevelopmentCountries,
    CASE WHEN s.copy = 0 THEN s.DpgKey END, s.Licence, s.Maturity,
    substr(s.Name || CASE WHEN s.copy = 0 THEN '' ELSE ' ' || (s.copy + 1) END, 1, 200), s.Offerings, s.OpenSource, s.ProviderPartnerIds,
    s.Sdgs, s.Sectors, substr(s.Slug, 1, 90) || CASE WHEN s.copy = 0 THEN '' ELSE '-' || (s.copy + 1) END, s.Standards, 'Published',
    s.Summary, s.UpdatedAt, 1, s.WebsiteUrl, s.links, s.media
FROM source s
CROSS JOIN tenants b
WHERE b.Slug LIKE 'bench-%' AND s.position <= (SELECT solutions FROM bench);

-- The owners of 'ee' are viewers of every benchmark tenant too: the members' line searches as one of them.
INSERT INTO memberships (TenantId, Id, CreatedAt, PartnerId, Role, UserId)
SELECT b.Id, upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-8' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
    m.CreatedAt, NULL, 'Viewer', m.UserId
FROM memberships m
JOIN tenants e ON e.Id = m.TenantId AND e.Slug = 'ee'
CROSS JOIN tenants b
WHERE b.Slug LIKE 'bench-%' AND m.Role = 'Owner';

-- Each tenant's search stamp, as onboarding makes it: without one, a host builds each index twice (once, then again when it
-- reads the stamp its first build made), and the first measured line after the warm-up pays for 200 builds.
INSERT INTO search_stamps (TenantId, Value)
SELECT b.Id, upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-8' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))
FROM tenants b WHERE b.Slug LIKE 'bench-%';
COMMIT;
ANALYZE;
SELECT count(*) AS benchmark_solutions FROM solutions WHERE TenantId IN (SELECT Id FROM tenants WHERE Slug LIKE 'bench-%');
