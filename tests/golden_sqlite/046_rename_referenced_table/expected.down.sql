-- shale:down of 0001_after

ALTER TABLE "organisations" RENAME TO "orgs";
