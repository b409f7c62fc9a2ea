# Previous / contents / next links at the top and the bottom of every page of the HTML
# handbook, in the order of the book (the include:: lines of handbook.adoc), so that a
# reader can go through the chapters without going back to the contents each time.
# Loaded by the handbook (HTML) execution of src-docs/pom.xml.
require 'asciidoctor/extensions'
require 'cgi'

module ChapterNav
  def self.html doc
    dir = doc.attr 'docdir'
    book = File.join dir, 'handbook.adoc'
    return nil unless File.file? book
    order = (File.read book).scan(/^include::([\w-]+)\.adoc/).flatten
    at = order.index(doc.attr 'docname')
    return nil unless at
    title = lambda {|name| CGI.escapeHTML (File.foreach(File.join dir, %(#{name}.adoc)).first.sub(/^=\s*/, '').strip) }
    previous = at > 0 ? %(<a rel="prev" href="#{order[at - 1]}.html">&larr; #{title.call order[at - 1]}</a>) : '<span></span>'
    following = order[at + 1] ? %(<a rel="next" href="#{order[at + 1]}.html">#{title.call order[at + 1]} &rarr;</a>) : '<span></span>'
    contents = at > 0 ? '<a href="index.html">Contents</a>' : '<span></span>'
    %(<nav class="chapter-nav" style="display:flex;justify-content:space-between;max-width:62.5em;margin:1em auto;padding:0 1em;font-size:1.05em">#{previous}#{contents}#{following}</nav>)
  end

  class Top < Asciidoctor::Extensions::DocinfoProcessor
    use_dsl
    at_location :header
    def process doc
      ChapterNav.html doc
    end
  end

  class Bottom < Asciidoctor::Extensions::DocinfoProcessor
    use_dsl
    at_location :footer
    def process doc
      ChapterNav.html doc
    end
  end
end

Asciidoctor::Extensions.register do
  docinfo_processor ChapterNav::Top
  docinfo_processor ChapterNav::Bottom
end
