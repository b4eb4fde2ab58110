-- shale:down of 0000_after
-- shale:data-loss: drops table "palettes" and all its rows

DROP TABLE "public"."palettes";
--> statement-breakpoint
DROP TYPE "public"."color";
