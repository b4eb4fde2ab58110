-- shale:down of 0001_after
-- shale:data-loss: drops table "org_settings" and all its rows
-- shale:data-loss: drops table "orgs" and all its rows

DROP TABLE "org_settings";
--> statement-breakpoint
DROP TABLE "orgs";
