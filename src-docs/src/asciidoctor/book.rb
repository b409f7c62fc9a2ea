# The handbook as a PDF book (src-docs/src/docs/asciidoc/handbook.adoc), for self-study.
#
# Loaded by the book execution of src-docs/pom.xml. Two things that Asciidoctor PDF's
# own converter does not do:
#
# * Answers at the back: every hint titled "... the reference answer" leaves its place
#   in the chapter (where a line says where to find it) for a section "Answers" at the
#   end of that chapter, so that reading on does not show the answer by accident. It
#   acts only on a document with the attribute answers-at-the-back (the book), and
#   leaves the HTML handbook, where hints are folded, alone.
# * Lines of code too long for the page split where their language allows it (below).
# * A title page with the credits, the kit's address ({kit-url}) and the speaker
#   ({speaker}) under the title.
require 'asciidoctor/extensions'
require 'asciidoctor-pdf'

class AnswersAtTheBack < Asciidoctor::Extensions::Treeprocessor
  def process doc
    return unless doc.attr? 'answers-at-the-back'
    doc.sections.each do |chapter|
      answers = chapter.find_by(context: :example) {|block| (block.option? 'collapsible') && block.title? && (block.title.include? 'reference answer') }
      next if answers.empty?
      section = Asciidoctor::Section.new chapter, chapter.level + 1, false
      section.title = 'Answers'
      section.id = %(#{chapter.id}-answers)
      answers.each_with_index do |answer, index|
        id = %(#{chapter.id}-answer-#{index + 1})
        parent = answer.parent
        at = parent.blocks.index answer
        pointer = create_paragraph parent, %(_#{answer.title}_: at the end of this chapter, in <<#{id},Answers>>.), {}, subs: :default
        parent.blocks[at] = pointer
        answer.id = id
        doc.register :refs, [id, answer] # known to the pointer's <<id>> above, as a written [[id]] would be
        answer.remove_attr 'collapsible-option'
        answer.parent = section
        section.blocks << answer
      end
      chapter.blocks << section
    end
    doc
  end
end

# A line of code too long for the page, even in the smallest type the theme allows, would
# be wrapped by the PDF converter wherever it runs out of room, in the middle of a word
# too. So, before that, such a line is split where its language allows it: a comment
# becomes several comment lines, a shell command goes on after a backslash. Other long
# lines are left for autofit (and the decks' PrintedTest reports any that still wrap).
class ListingsFitThePage < Asciidoctor::Extensions::Treeprocessor
  COLUMNS = 100
  SHELLS = %w(shell sh bash console)

  def process doc
    doc.find_by(context: :listing) {|block| block.style == 'source' }.each do |block|
      shell = SHELLS.include? (block.attr 'language')
      block.lines.replace(block.lines.flat_map {|line| fit line, shell })
    end
    doc
  end

  def fit line, shell
    return [line] if line.length <= COLUMNS
    if (comment = line.match %r(\A(\s*)(//|#) (.*)\z)) && (shell || comment[2] == '//')
      indent, mark, text = comment.captures
      return pack(text.split(' '), %(#{indent}#{mark} ), %(#{indent}#{mark} ), '')
    end
    return [line] unless shell
    words = line.scan %r((?:"[^"]*"|'[^']*'|\S)+)
    pack words, '', '    ', ' \\'
  end

  # Words joined by spaces into lines of at most COLUMNS, each after the first starting with
  # the continuation prefix, each but the last ending with the continuation mark.
  def pack words, first, prefix, mark
    lines = []
    current = first
    words.each do |word|
      if current != first && current != prefix && (current.length + 1 + word.length + mark.length) > COLUMNS
        lines << %(#{current}#{mark})
        current = %(#{prefix}#{word})
      else
        current = (current == first || current == prefix) ? %(#{current}#{word}) : %(#{current} #{word})
      end
    end
    lines << current
  end
end

Asciidoctor::Extensions.register do
  treeprocessor AnswersAtTheBack
  treeprocessor ListingsFitThePage
end

class BookPdfConverter < (Asciidoctor::Converter.for 'pdf')
  register_for 'pdf'

  # The title page: the theme's title and subtitle, then the credits and the address.
  def ink_title_page doc
    super
    return unless doc.attr? 'title-page-credits'
    move_down 36
    theme_font :title_page_authors do
      ink_prose (doc.attr 'title-page-credits'), align: :left, margin_bottom: 10, normalize: true
      ink_prose %(The kit: #{doc.attr 'kit-url'}), align: :left, margin_bottom: 10 if doc.attr? 'kit-url'
      ink_prose %(Presented by #{doc.attr 'speaker'}), align: :left, margin: 0 if doc.attr? 'speaker'
    end
  end
end
