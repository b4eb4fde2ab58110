-- shale:down of 0001_after
-- shale:data-loss: drops table "assignments" and all its rows
-- shale:data-loss: drops table "people" and all its rows

DROP TABLE "assignments";
--> statement-breakpoint
DROP TABLE "people";
