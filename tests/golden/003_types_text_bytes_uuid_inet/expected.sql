CREATE TABLE "public"."devices" (
	"id" uuid NOT NULL,
	"label" text NOT NULL,
	"firmware" bytea NOT NULL,
	"last_ip" inet NOT NULL,
	"previous_ip" inet,
	"owner" uuid,
	CONSTRAINT "devices_pkey" PRIMARY KEY ("id")
);
