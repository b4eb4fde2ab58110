CREATE TABLE "public"."measurement" (
	"id" integer NOT NULL,
	"small" smallint NOT NULL,
	"big" bigint NOT NULL,
	"ratio" real NOT NULL,
	"precise" double precision NOT NULL,
	"active" boolean NOT NULL,
	"maybe_small" smallint,
	"maybe_ratio" double precision,
	"maybe_flag" boolean,
	CONSTRAINT "measurement_pkey" PRIMARY KEY ("id")
);
