-- shale:down of 0001_after

ALTER SEQUENCE "public"."tickets" AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 1000 START WITH 100 CACHE 1 NO CYCLE;
--> statement-breakpoint
COMMENT ON SEQUENCE "public"."tickets" IS NULL;
