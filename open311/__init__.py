"""Open311 GeoReport v2: the standard server through which civic apps (FixMyStreet and the like) file
service requests and follow them. Services are our reasons; a request becomes an appeal through the same
intake verb as every channel; what the reads show is public, with nobody's personal data."""
