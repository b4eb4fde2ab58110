-- shale:down of 0001_after
-- shale:data-loss: drops table "orgs" and all its rows
-- shale:data-loss: drops table "projects" and all its rows

DROP TABLE "orgs";
--> statement-breakpoint
DROP TABLE "projects";
