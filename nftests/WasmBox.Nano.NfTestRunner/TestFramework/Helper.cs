namespace nanoFramework.TestFramework
{
    /// <summary>Attribute filtering shared by the launcher and the test adapter.</summary>
    public static class Helper
    {
        /// <summary>
        /// A method with both [TestMethod] and [DataRow] runs once per row, never plainly:
        /// returns the attributes without the [TestMethod] in that case, else the same array.
        /// Attributes match by exact type, as in the real package.
        /// </summary>
        public static object[] RemoveTestMethodIfDataRowExists(object[] attribs)
        {
            int testMethods = 0;
            bool hasDataRow = false;
            foreach (object attrib in attribs)
            {
                if (attrib.GetType() == typeof(TestMethodAttribute))
                {
                    testMethods++;
                }
                else if (attrib.GetType() == typeof(DataRowAttribute))
                {
                    hasDataRow = true;
                }
            }
            if (testMethods == 0 || !hasDataRow)
            {
                return attribs;
            }
            object[] kept = new object[attribs.Length - testMethods];
            int next = 0;
            foreach (object attrib in attribs)
            {
                if (attrib.GetType() != typeof(TestMethodAttribute))
                {
                    kept[next++] = attrib;
                }
            }
            return kept;
        }
    }
}
