// Marks the assembly for the Critter Stack's source generators and extension discovery.
[assembly: JasperFx.JasperFxAssembly]
