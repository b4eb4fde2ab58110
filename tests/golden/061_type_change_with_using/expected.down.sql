-- shale:down of 0001_after
-- shale:data-loss: changes column "stats"."flags" from jsonb to text[], which may lose or refuse values

ALTER TABLE "public"."stats" ALTER COLUMN "code" SET DATA TYPE text USING "code"::text;
--> statement-breakpoint
ALTER TABLE "public"."stats" ALTER COLUMN "flags" SET DATA TYPE text[] USING "flags"::text[];
