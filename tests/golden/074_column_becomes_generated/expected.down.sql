-- shale:down of 0001_after

ALTER TABLE "public"."line_items" ALTER COLUMN "total_cents" DROP EXPRESSION;
