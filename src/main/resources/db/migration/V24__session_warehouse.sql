-- Each session's current warehouse (USE WAREHOUSE, or the connect string's warehouse), which
-- CURRENT_WAREHOUSE() and the drivers' finalWarehouseName report. Frostgate stores no warehouses: any name is one.
ALTER TABLE sessions ADD COLUMN context_warehouse VARCHAR(255);
