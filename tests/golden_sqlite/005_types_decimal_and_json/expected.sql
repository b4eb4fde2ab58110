CREATE TABLE "orders" (
	"id" INTEGER NOT NULL,
	"total" NUMERIC NOT NULL,
	"discount" NUMERIC,
	"payload" TEXT NOT NULL,
	"shipping" TEXT NOT NULL,
	"extra" TEXT,
	PRIMARY KEY ("id")
);
